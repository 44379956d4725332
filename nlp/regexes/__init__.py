"""Regexes built from data: word-list alternations and the characters a pattern can start with."""
