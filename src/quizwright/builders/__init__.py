"""Items from facts: stems, distractors, ranking."""
