"""Train / evaluate loops, a per-epoch history and timing."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import numpy as np
import torch
from torch import nn
from tqdm import tqdm

from .errors import NlpPPError
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
                logits = self.model(x, lengths) if lengths is not None else self.model(x)
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


class TensorBatches:
    """Batches from tensors kept on one device (no per-sample collate, no host copies).

    Shuffles with its own seeded generator when `shuffle` is True, a new order each
    pass. With ``bucket=True`` (needs `lengths`, post-padded `x`) it groups messages
    of similar length — sorted inside pools of ``pool`` batches — and trims every
    batch to its longest message, so far fewer sequential steps are computed.
    """

    def __init__(self, x, y, batch_size: int, shuffle: bool = False, seed: int = 42,
                 lengths=None, device=None, bucket: bool = False,
                 yield_lengths: bool | None = None, pool: int = 16):
        self.device = get_device(device)
        self.tensors = [torch.as_tensor(t).to(self.device) for t in (x, y)]
        if bucket and lengths is None:
            raise NlpPPError("bucket=True에는 lengths가 필요합니다.",
                             "bucket=True needs the lengths.")
        # 길이는 CPU에 둡니다 (pack_padded_sequence의 규칙이고, 배치 길이 계산도 CPU에서)
        self.lengths = None if lengths is None else torch.as_tensor(lengths).cpu()
        self.yield_lengths = (lengths is not None) if yield_lengths is None \
            else yield_lengths
        self.batch_size, self.shuffle, self.bucket = batch_size, shuffle, bucket
        self.pool = pool
        self.generator = torch.Generator().manual_seed(seed)

    def __len__(self) -> int:
        return math.ceil(len(self.tensors[1]) / self.batch_size)

    def _batches(self) -> list:
        """Return this pass's batches as CPU index tensors."""
        n, size = len(self.tensors[1]), self.batch_size
        order = (torch.randperm(n, generator=self.generator) if self.shuffle
                 else torch.arange(n))
        if not self.bucket:
            return list(order.split(size))
        batches = []
        for chunk in order.split(size * self.pool):
            # 풀 안에서 길이순으로 정렬하면 비슷한 길이끼리 한 배치가 됩니다 (안정 정렬).
            by_len = chunk[torch.argsort(self.lengths[chunk], stable=True)]
            batches.extend(by_len.split(size))
        if self.shuffle:  # 배치 순서는 섞어서 짧은 배치만 몰려 나오지 않게 합니다
            perm = torch.randperm(len(batches), generator=self.generator)
            batches = [batches[i] for i in perm]
        return batches

    def order(self) -> np.ndarray:
        """Return the example indices in the order the next pass yields them."""
        saved = self.generator.get_state()
        batches = self._batches()
        self.generator.set_state(saved)  # 순서를 보느라 난수를 쓰지 않은 것처럼 되돌립니다
        return torch.cat(batches).numpy() if batches else np.zeros(0, dtype=np.int64)

    def steps(self) -> int:
        """Return the sequential steps one pass computes (sum of batch widths)."""
        width = self.tensors[0].shape[1]
        if not (self.bucket or self.yield_lengths):
            return len(self) * width
        saved = self.generator.get_state()
        total = sum(int(self.lengths[b].max()) for b in self._batches())
        self.generator.set_state(saved)  # 순서를 세느라 난수를 쓰지 않은 것처럼 되돌립니다
        return total

    def __iter__(self):
        for idx in self._batches():
            dev_idx = idx.to(self.device)
            x, y = (t[dev_idx] for t in self.tensors)
            lens = None if self.lengths is None else self.lengths[idx]
            if self.bucket:
                x = x[:, :int(lens.max())]  # 배치에서 가장 긴 메시지까지만 남깁니다
            yield (x, y, lens) if self.yield_lengths else (x, y)
