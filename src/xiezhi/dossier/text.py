"""jieba tokens for full-text search (PostgreSQL tsvector('simple') over them)."""
import logging

_jieba = None


def tokenize(text: str) -> str:
    global _jieba
    if _jieba is None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        _jieba = jieba
    words = _jieba.cut_for_search(text or "")
    return " ".join(w.strip().lower() for w in words if w.strip() and not all(not c.isalnum() for c in w))
