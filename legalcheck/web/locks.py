"""The analyser and the spaCy pipeline are not yet thread-safe: the pages run them one at a time
per process (page handlers run in a thread pool). Remove once the pipeline is safe to share."""
import threading

NLP_LOCK = threading.Lock()
