"""Measuring the pipeline against gold: ``events`` (an events table against a gold one),
``timeml`` (TimeML documents, and the date finder scored the TempEval-3 way)."""

from timeline.evaluation.events import EventEvaluation, evaluate_events
from timeline.evaluation.timeml import DateEvaluation, evaluate_dates

__all__ = ["DateEvaluation", "EventEvaluation", "evaluate_dates", "evaluate_events"]
