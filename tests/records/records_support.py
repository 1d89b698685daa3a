"""Shared constants of the case-record tests (imported by name: several test folders have a conftest)."""
from legalcheck.records.audit import Actor
from legalcheck.records.crypto import new_key

KEY = new_key()
OFFICER = Actor("officer1", "officer", "127.0.0.1", "cli")
SUPERVISOR = Actor("chief1", "supervisor", "127.0.0.1", "cli")
READONLY = Actor("viewer1", "readonly", "127.0.0.1", "cli")
TRAINER = Actor("trainer1", "trainer", "127.0.0.1", "cli")
