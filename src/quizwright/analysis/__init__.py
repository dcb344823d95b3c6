"""Text analysis on NLTK: normalisation, sentences, tokens, tags, entities."""
