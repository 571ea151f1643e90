"""Seed data a brand-new database starts with (the funnel of DESIGN.md and friends)."""

DEFAULT_PIPELINE = "Основная"

# name, colour, probability %, kind, stuck after N days
DEFAULT_STAGES = [
    ("Холодный", "#90a4ae", 5, "open", 30),
    ("Интересуется", "#4fc3f7", 10, "open", 14),
    ("Запросили оценку", "#4db6ac", 20, "open", 7),
    ("Сделали оценку", "#aed581", 30, "open", 7),
    ("Обсуждаем задачу", "#ffd54f", 40, "open", 14),
    ("Обсуждаем условия", "#ffb74d", 60, "open", 14),
    ("Заключаем контракт", "#ba68c8", 80, "open", 10),
    ("Работа!", "#43a047", 100, "won", None),
    ("Упущен", "#e53935", 0, "lost", None),
]

# trigger, index of the stage in DEFAULT_STAGES (or None), task parameters
DEFAULT_RULES = [
    ("stage_enter", 0, {"days": 0, "subject": "Обработать заявку", "kind": "task"}),
    ("deal_won", None, {"days": 15, "subject": "Собрать отзыв", "kind": "feedback"}),
]

DEFAULT_LOST_REASONS = ["Цена", "Конкурент", "Нет бюджета", "Нет ответа", "Не подошли условия", "Другое"]

DEFAULT_SETTINGS = {
    "phone_region": "RU",
    "currency": "RUB",
    "company_name": "",
    "managers_see_all": False,
}

OWNER_NAME = "Владелец"
