"""A few store connections shared by the request threads, so one slow query does not hold up the rest.

Each request borrows one store for as long as it needs it and gives it back; stores are opened as
they are first needed, up to ``size``, and a request that finds them all busy waits for one.
"""
from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from ..store.base import Store


class StorePool:
    def __init__(self, open_store: Callable[[], Store], size: int = 4):
        self.open_store = open_store
        self.size = size
        self.idle: queue.LifoQueue[Store] = queue.LifoQueue()
        self.opened: list[Store] = []
        self.lock = threading.Lock()

    def start(self) -> None:
        """Open the first store now, so a store that cannot be opened stops the server at once."""
        with self.borrow():
            pass

    @contextmanager
    def borrow(self) -> Iterator[Store]:
        store = self._take()
        try:
            yield store
        finally:
            self.idle.put(store)

    def _take(self) -> Store:
        try:
            return self.idle.get_nowait()
        except queue.Empty:
            pass
        with self.lock:
            if len(self.opened) < self.size:
                store = self.open_store()
                self.opened.append(store)
                return store
        return self.idle.get()

    def close(self) -> None:
        with self.lock:
            for store in self.opened:
                store.close()
            self.opened.clear()
