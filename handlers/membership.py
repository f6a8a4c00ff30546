"""Router for: membership."""
from aiogram import Router

router = Router(name=__name__)
