"""Feedback: how it went (praise or complaint), and a complaint resolved and reopened."""
import pytest

from app import activities
from app.activities import ActivityData, clients_with_open_complaints, log_activity, quick_log
from app.clients import ClientData, create_client
from app.errors import ValidationError
from db.models import Activity


@pytest.fixture
def client_id(db):
    return create_client(ClientData(name="Анна")).id


def test_quick_log_keeps_the_sentiment_of_feedback_only(client_id):
    quick_log(client_id, "feedback", "Недовольны сроками", sentiment="negative")
    quick_log(client_id, "note", "Заметка", sentiment="negative")
    assert [(a.kind, a.sentiment) for a in Activity.select().order_by(Activity.id)] == \
        [("feedback", "negative"), ("note", "")]
    assert clients_with_open_complaints([client_id]) == {client_id}


def test_open_complaints_resolve_and_reopen(client_id):
    old = log_activity(ActivityData(kind="feedback", sentiment="negative", client_id=client_id, result="Опоздали"))
    new = log_activity(ActivityData(kind="feedback", sentiment="negative", client_id=client_id, result="Скол"))
    log_activity(ActivityData(kind="feedback", sentiment="positive", client_id=client_id, result="Спасибо"))
    assert [a.id for a in activities.open_complaints(client_id)] == [new, old]
    activities.resolve_feedback(new)
    assert [a.id for a in activities.open_complaints(client_id)] == [old]
    activities.reopen_feedback(new)
    assert len(activities.open_complaints(client_id)) == 2


def test_a_feedback_can_be_said_to_be_a_complaint_later(client_id):
    fid = log_activity(ActivityData(kind="feedback", client_id=client_id, result="Собрали отзыв"))
    assert clients_with_open_complaints([client_id]) == set()
    assert activities.set_feedback_sentiment(fid, "negative") == ""
    assert clients_with_open_complaints([client_id]) == {client_id}
    assert activities.set_feedback_sentiment(fid, "positive") == "negative"
    assert clients_with_open_complaints([client_id]) == set()
    call = log_activity(ActivityData(kind="call_out", client_id=client_id, result="Звонил"))
    with pytest.raises(ValidationError):
        activities.set_feedback_sentiment(call, "negative")
    with pytest.raises(ValidationError):
        activities.resolve_feedback(call)
    with pytest.raises(ValidationError):
        activities.set_feedback_sentiment(fid, "angry")
