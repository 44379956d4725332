"""`streamlit run app.py` from a checkout: the Regintel app (router and pages in `regintel/app/`)."""

from regintel.app.router import run

run()
