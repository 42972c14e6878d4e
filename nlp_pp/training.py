"""Train / evaluate loops, a per-epoch history and timing."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
import torch
from torch import nn
from tqdm import tqdm

from .settings import get_device


@dataclass
class History:
    """Per-epoch (train, val) loss and accuracy, and training seconds per epoch."""

    train_loss: list = field(default_factory=list)
    val_loss: list = field(default_factory=list)
    train_acc: list = field(default_factory=list)
    val_acc: list = field(default_factory=list)
    seconds: list = field(default_factory=list)

    def add(self, train, val, seconds):
        """Append one epoch: train and val are (loss, acc) pairs."""
        self.train_loss.append(train[0])
        self.train_acc.append(train[1])
        self.val_loss.append(val[0])
        self.val_acc.append(val[1])
        self.seconds.append(seconds)

    @property
    def epochs(self) -> int:
        """Return the number of recorded epochs."""
        return len(self.seconds)


def _unpack(batch, device):
    """Move a (x, y) or (x, y, lengths) batch to `device`; return x, y, lengths."""
    x, y, *rest = batch
    nb = device.type == "cuda"
    x, y = x.to(device, non_blocking=nb), y.to(device, non_blocking=nb)
    return x, y, (rest[0] if rest else None)


class Trainer:
    """Fit a classifier: train/evaluate epochs returning (mean loss, accuracy)."""

    def __init__(self, model: nn.Module, optimizer, criterion=None, device=None):
        self.device = get_device(device)
        self.model = model.to(self.device)
        self.optimizer = optimizer
        self.criterion = criterion or nn.CrossEntropyLoss()

    def _run(self, loader, train: bool):
        """One pass over `loader`; sums stay on the device until the end."""
        self.model.train(train)
        loss_sum = torch.zeros((), device=self.device)
        correct = torch.zeros((), dtype=torch.long, device=self.device)
        n = 0
        with torch.set_grad_enabled(train):
            for batch in loader:
                x, y, lengths = _unpack(batch, self.device)
                logits = (self.model(x, lengths) if lengths is not None
                          else self.model(x))
                loss = self.criterion(logits, y)
                if train:
                    self.optimizer.zero_grad(set_to_none=True)
                    loss.backward()
                    self.optimizer.step()
                loss_sum += loss.detach() * len(y)
                correct += (logits.argmax(1) == y).sum()
                n += len(y)
        return loss_sum.item() / n, correct.item() / n  # 에포크당 한 번만 동기화

    def train_epoch(self, loader):
        """Train one epoch; return (mean loss, accuracy)."""
        return self._run(loader, train=True)

    def evaluate(self, loader):
        """Evaluate without gradients; return (mean loss, accuracy)."""
        return self._run(loader, train=False)

    def predict(self, loader) -> np.ndarray:
        """Return the predicted class of every example, in the data's own order.

        A loader that reorders its examples (length bucketing) says how with
        ``order()``; any other loader is read in its order.
        """
        order = loader.order() if hasattr(loader, "order") else None  # 돌기 전에
        self.model.eval()
        preds = []
        with torch.no_grad():
            for batch in loader:
                x, _, lengths = _unpack(batch, self.device)
                logits = (self.model(x, lengths) if lengths is not None
                          else self.model(x))
                preds.append(logits.argmax(1).cpu())
        pred = torch.cat(preds).numpy() if preds else np.zeros(0, dtype=np.int64)
        order = np.arange(len(pred)) if order is None else order
        out = np.empty_like(pred)
        out[np.asarray(order)] = pred
        return out

    def fit(self, train_loader, val_loader, epochs: int, progress=None, desc=""):
        """Train for `epochs`; return the History of (train, val) per epoch."""
        history = History()
        bar = tqdm(range(epochs), desc=desc or "epoch", disable=progress is False,
                   leave=False)
        for _ in bar:
            start = time.perf_counter()
            train = self.train_epoch(train_loader)
            seconds = time.perf_counter() - start  # 학습 시간만 잽니다
            val = self.evaluate(val_loader)
            history.add(train, val, seconds)
            bar.set_postfix(val_acc=f"{val[1]:.3f}")
        return history
