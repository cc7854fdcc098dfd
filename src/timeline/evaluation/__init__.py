"""Measuring the pipeline against gold: ``events`` (an events table against a gold one),
``dates`` (the date finder scored the TempEval-3 way), ``timeml`` (reading TimeML)."""

from timeline.evaluation.dates import DateEvaluation, evaluate_dates
from timeline.evaluation.events import EventEvaluation, evaluate_events

__all__ = ["DateEvaluation", "EventEvaluation", "evaluate_dates", "evaluate_events"]
