"""The shared kernel: the few pure-Python concepts every context agrees on.

Tiny and stable on purpose: a change here touches every context, so it holds only what has one
meaning everywhere (money, identifiers, events, rule violations, the integration-message base).
"""
