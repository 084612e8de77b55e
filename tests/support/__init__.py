"""Helpers shared by the tests (see docx_builder for building .docx packages)."""
