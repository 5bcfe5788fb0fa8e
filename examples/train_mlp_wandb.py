"""A small PyTorch classifier on synthetic data, tracked with Weights & Biases."""
import numpy as np
import torch
import torch.nn as nn
import wandb
from torch.utils.data import DataLoader, TensorDataset


class MLP(nn.Module):
    def __init__(self, in_features, hidden, classes):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(in_features, hidden), nn.ReLU(), nn.Linear(hidden, classes))

    def forward(self, x):
        return self.net(x)


def make_data(n=2000, d=20):
    # numpy's global generator, never seeded.
    X = np.random.randn(n, d).astype("float32")
    y = (X[:, :3].sum(axis=1) > 0).astype("int64")
    return TensorDataset(torch.from_numpy(X), torch.from_numpy(y))


def main():
    # torch is never seeded either: weights and shuffling differ on every run.
    run = wandb.init(project="mlp-demo", config={"lr": 1e-3, "epochs": 5, "hidden": 64, "dropout": 0.2})
    model = MLP(20, run.config.hidden, 2)
    optimizer = torch.optim.Adam(model.parameters(), lr=run.config.lr)
    # The batch size is typed in here and never reaches the run's config.
    loader = DataLoader(make_data(), batch_size=64, shuffle=True)
    loss_fn = nn.CrossEntropyLoss()
    for epoch in range(run.config.epochs):
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
        run.log({"epoch": epoch, "loss": loss.item()})
    # Skipped by any exception above, which leaves the run open.
    run.finish()


if __name__ == "__main__":
    main()
