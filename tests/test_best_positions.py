"""The candidates of the first pass (knowledge.ranking.best_positions) are exactly the k best
positive scores, ties at the k-th place going to the earlier positions, however the scores
are spread: the sampled floor may only make the select smaller, never change its result."""
import numpy as np
import pytest

from knowledge.ranking import SAMPLE_STRIDE, best_positions


def reference(scores: np.ndarray, k: int) -> np.ndarray:
    positive = np.flatnonzero(scores > 0)
    order = np.lexsort((positive, -scores[positive]))[:k]      # best first, earlier first among equals
    return np.sort(positive[order])


@pytest.mark.parametrize("n", [0, 5, 99, 100, 101, 4 * 100 * SAMPLE_STRIDE + 1, 50_000])
@pytest.mark.parametrize("shape", ["spread", "ties", "sparse", "few_values"])
def test_best_positions_is_the_k_best(n, shape):
    rng = np.random.default_rng(n + len(shape))
    scores = rng.random(n).astype(np.float32)
    if shape == "ties":
        scores = np.round(scores * 20).astype(np.float32)           # many equal scores, zeros too
    elif shape == "sparse":
        scores[rng.random(n) < 0.995] = 0                           # fewer positives than k, often
    elif shape == "few_values":
        scores = rng.choice(np.array([0, 1, 2], dtype=np.float32), n)
    got = best_positions(scores, 100)
    assert np.array_equal(got, reference(scores, 100))


def test_sorted_scores_are_sampled_alike():
    """Scores that grow with the position (the sample sees every part of the range)."""
    scores = np.linspace(0, 1, 100_000, dtype=np.float32)
    assert np.array_equal(best_positions(scores, 100), np.arange(99_900, 100_000))
    assert np.array_equal(best_positions(scores[::-1].copy(), 100), np.arange(0, 100))
