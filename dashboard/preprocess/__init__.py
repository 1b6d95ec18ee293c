"""Turn a folder of Arabic news articles into meeting and topic tables."""
