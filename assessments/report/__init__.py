"""The migration governance profile: database → Profile → HTML and PDF, kept as versions."""
