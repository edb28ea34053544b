"""Demo data: loads the Kyrgyz and Georgian demo assessments from fixtures/demo/."""
