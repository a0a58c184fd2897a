"""The evaluation script placed in the workspace (a real, runnable stdlib-only program)."""

from __future__ import annotations

_TEMPLATE = '''"""Evaluate the classifier on the held-out set at the configured threshold.

Usage: python3 {script_name}

Reads {config_path} (classifier, data, positive_label, threshold), scores every example
in the data file (flagged when score >= threshold) and prints the confusion counts and
precision, recall, false_positive_rate, accuracy and f1.
"""

import json

CONFIG_PATH = "{config_path}"


def load_config(path=CONFIG_PATH):
    """The top-level `key: value` entries of the config (indented blocks are notes)."""
    config = {{}}
    with open(path) as f:
        for line in f:
            if not line.strip() or line[0] in " \\t#-":
                continue
            key, _, value = line.partition(":")
            config[key.strip()] = value.split("#")[0].strip().strip('"')
    return config


def load_rows(path):
    """The examples of a JSON-lines file."""
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def confusion(rows, threshold, positive_label):
    """(tp, fp, tn, fn) when rows scoring threshold or more are flagged."""
    tp = fp = tn = fn = 0
    for row in rows:
        flagged = row["score"] >= threshold
        positive = row["label"] == positive_label
        if flagged and positive:
            tp += 1
        elif flagged:
            fp += 1
        elif positive:
            fn += 1
        else:
            tn += 1
    return tp, fp, tn, fn


def ratio(numerator, denominator):
    return numerator / denominator if denominator else 0.0


def metrics(tp, fp, tn, fn):
    """The metrics defined in the config, from confusion counts."""
    precision = ratio(tp, tp + fp)
    recall = ratio(tp, tp + fn)
    return {{
        "precision": precision,
        "recall": recall,
        "false_positive_rate": ratio(fp, fp + tn),
        "accuracy": ratio(tp + tn, tp + fp + tn + fn),
        "f1": ratio(2 * precision * recall, precision + recall),
    }}


def main():
    config = load_config()
    threshold = float(config["threshold"])
    rows = load_rows(config["data"])
    counts = confusion(rows, threshold, config["positive_label"])
    print(f"classifier: {{config['classifier']}}  threshold: {{threshold}}  examples: {{len(rows)}}")
    print("tp={{}} fp={{}} tn={{}} fn={{}}".format(*counts))
    for name, value in metrics(*counts).items():
        print(f"{{name}}: {{value:.4f}}")


if __name__ == "__main__":
    main()
'''


def evaluation_script(script_name: str, config_path: str) -> str:
    """Source of the evaluation script.

    Args:
        script_name: The script's file name (shown in its usage line).
        config_path: Workspace path of the config it reads.
    """
    return _TEMPLATE.format(script_name=script_name, config_path=config_path)
