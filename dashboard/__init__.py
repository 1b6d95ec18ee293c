"""IMCTC engagements dashboard: preprocessing pipeline and Streamlit pages."""
