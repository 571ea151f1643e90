"""Icons, translations, styles, templates and demo seeds shipped with Kartoteka."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent
