"""The date grammar: vocabulary, interval arithmetic, rules, and finding expressions in text."""
