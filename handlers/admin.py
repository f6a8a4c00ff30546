"""Router for: admin."""
from aiogram import Router

router = Router(name=__name__)
