"""English."""

TEXTS: dict[str, str] = {
    "error.config": "Bad configuration: {detail}",
    "error.internal": "Sorry, something went wrong while handling that. Please try again later.",
    "console.welcome": "Loa — directives Q&A (console mode, no BOT_TOKEN set).\n"
                       "Type a question, /deadlines for deadlines, /help for help, /quit to leave.",
    "console.bye": "Goodbye.",
}
