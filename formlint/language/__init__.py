"""Shared language tools for formlint rules (placeholder; filled in below)."""
