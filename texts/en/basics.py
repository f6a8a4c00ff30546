"""Start, help, language, errors, the console and throttling: the texts any conversation can meet,
whatever feature it uses (`error.`, `console.`, `start.`, `help.`, `lang.`, `common.`, `throttle.`, `reply.`).

The English table; texts/vi/basics.py holds the same keys,
apart from `.one` singular forms (see `t()`)."""

TEXTS: dict[str, str] = {
    "error.config": "Bad configuration: {detail}",
    "error.internal": "Sorry, something went wrong while handling that. Please try again later.",
    "console.welcome": "Loa — directives Q&A (console mode, no BOT_TOKEN set).\n"
                       "Type a question, /deadlines for deadlines, /help for help, /quit to leave.",
    "console.help": "<b>Loa — help (console)</b>\n"
                    "• Type a question, or /ask <i>question</i>.\n"
                    "• /full (or type \"full text\") — the whole item of the last answer\n"
                    "• /deadlines — upcoming deadlines; /deadlines health, /deadlines all schools (past ones too)\n"
                    "• /lang vi | /lang en — change language\n"
                    "• /push, /report, /subscribe… are in Telegram only; to load a notice: python3 bot.py import <i>file</i>\n"
                    "• /quit — leave",
    "console.telegram_only": "/{command} works in Telegram (unit groups, buttons; needs BOT_TOKEN), not in the console.\n"
                              "Here: load a notice with python3 bot.py import <i>file</i> (preview: --json), deadlines with /deadlines, "
                              "a calendar file with python3 bot.py deadlines --ics.",
    "console.full_hint": "<i>Full text: /full</i>",
    "console.no_full": "There is no answer to show in full yet. Ask a question first.",
    "console.bye": "Goodbye.",
    "start.private": "Hello! I am <b>Loa</b>, the assistant for your steering committee's directives (notices, dispatches, instructions, plans).\n"
                     "Type a question, for example: <i>What must factories do before each shift?</i>\n"
                     "See /help for commands.",
    "start.group": "Hello! In a group, mention @{username} or reply to one of my messages to ask, "
                   "or use /ask <i>question</i>. Group admins use /subscribe to choose which units' notices to receive.",
    "help.user": "<b>Loa — help</b>\n"
                 "• Type a question (in a group: mention me, reply to my message, or /ask <i>question</i>).\n"
                 "• /deadlines — upcoming deadlines; /calendar — an .ics calendar file\n"
                 "• /subscribe — choose units to receive notices for (in groups: group admins only); "
                 "/subscribe all, /subscribe health schools (Vietnamese names work too), or by level and place: /subscribe health commune, Hải Hà …\n"
                 "• /unsubscribe [units] — stop; /mysubs (/subscriptions) — current subscriptions\n"
                 "• /lang vi | /lang en — change language",
    "help.admin": "\n\n<b>Admin</b>\n"
                  "• /push <i>notice text</i>, or send a .txt/.docx/.pdf file captioned /push\n"
                  "• /notices — recent notices; /report <i>number</i> — sent, received, done per unit; remind, edit, recall, CSV\n"
                  "• /admin list | /admin add <i>id</i> | /admin remove <i>id</i>\n"
                  "• /glossary add <i>english</i> = <i>tiếng Việt</i> — vocabulary for English questions",
    "lang.current": "Current language: <b>{lang}</b>. Change it with /lang vi or /lang en.",
    "lang.changed": "Switched to English.",
    "lang.usage": "Usage: /lang vi or /lang en.",
    "lang.group_admins_only": "Only this group's admins may change its language.",
    "common.unknown_command": "Unknown command. See /help.",
    "common.unknown_command_like": "No such command. Did you mean /{command}? See /help.",
    "common.ok": "Done.",
    "throttle.slow_down": "You are sending too fast. Loa will answer again in a few minutes; the last messages were skipped.",
    "reply.as_file": "{title}\n(A long list, {messages} messages: sent as a file.)",
}
