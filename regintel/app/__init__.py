"""The Streamlit app: `router.py` (the entry script, `st.navigation`) and one module per page."""
