"""The misuse study: help with an operator-restricted topic under four user techniques.

Built-in items use clearly benign invented proxy topics (invented substances, devices,
rituals, numbers); users may plug in their own JSONL dataset (see `load_dataset`), whose
text the report leaves out unless ``show_text`` is set.
"""

from ._analysis import MisuseRecord, analyse_misuse, outcome_rates
from ._dataset_file import load_dataset
from ._grading import Disclosure, Exchange, KeyStep, Outcome, grade, names_marker, refuses
from ._items import MisuseItem, Source, builtin_items
from ._numbers import NumberMention, number_mentions, number_words, parse_number
from ._policy import POLICY_HEADER, builtin_policy, user_policy
from ._reference import MisuseBehaviour, choose_help
from ._render import misuse_html, misuse_markdown
from ._scorer import GRADER, SCORE_KEYS, GradingKeys, exchanges, misuse_grader
from ._section import Breakdown, GroupRates, MisuseSection, OutcomeRates, UserItemOutcome
from ._solver import turn_by_turn
from ._study import MisuseStudy
from ._tasks import MISUSE, USER_TASK, items_task, misuse_tasks
from ._techniques import TECHNIQUES, VARIANTS, Technique, technique_turns
from ._topics import TOPICS, ProxyStep, ProxyTopic, topic_by_title

__all__ = [
    "GRADER",
    "MISUSE",
    "POLICY_HEADER",
    "SCORE_KEYS",
    "TECHNIQUES",
    "TOPICS",
    "USER_TASK",
    "VARIANTS",
    "Breakdown",
    "Disclosure",
    "Exchange",
    "GradingKeys",
    "GroupRates",
    "KeyStep",
    "MisuseBehaviour",
    "MisuseItem",
    "MisuseRecord",
    "MisuseSection",
    "MisuseStudy",
    "NumberMention",
    "Outcome",
    "OutcomeRates",
    "ProxyStep",
    "ProxyTopic",
    "Source",
    "Technique",
    "UserItemOutcome",
    "analyse_misuse",
    "builtin_items",
    "builtin_policy",
    "choose_help",
    "exchanges",
    "grade",
    "items_task",
    "load_dataset",
    "misuse_grader",
    "misuse_html",
    "misuse_markdown",
    "misuse_tasks",
    "names_marker",
    "number_mentions",
    "number_words",
    "outcome_rates",
    "parse_number",
    "refuses",
    "technique_turns",
    "topic_by_title",
    "turn_by_turn",
    "user_policy",
]
