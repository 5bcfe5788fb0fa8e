"""Train a random forest on the churn data and track it with MLflow.

This script has the mistakes exp-lint exists to catch; run `npx exp-lint examples/`.
"""
import argparse

import mlflow
import mlflow.sklearn
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler


def parse_args():
    parser = argparse.ArgumentParser(description="Churn model")
    parser.add_argument("--data", default="data/churn.csv")
    parser.add_argument("--n-estimators", type=int, default=300)
    parser.add_argument("--max-depth", type=int, default=12)
    return parser.parse_args()


def main():
    args = parse_args()
    df = pd.read_csv(args.data)
    # Scaled with the mean and spread of every row, test rows included, before the split.
    X = StandardScaler().fit_transform(df.drop(columns=["churned"]))
    y = df["churned"]

    # The split changes on every run: no random_state.
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y)

    # Not a context manager: an exception below leaves the run open.
    mlflow.start_run(run_name="forest")
    # Logged as 100, trained with args.n_estimators (300 by default).
    mlflow.log_param("n_estimators", 100)
    mlflow.log_param("max_depth", args.max_depth)

    model = RandomForestClassifier(n_estimators=args.n_estimators, max_depth=args.max_depth)
    model.fit(X_train, y_train)

    # Computed on the training split, logged as if it were the test score.
    train_acc = accuracy_score(y_train, model.predict(X_train))
    mlflow.log_metric("accuracy", train_acc)
    mlflow.log_metric("test_f1", f1_score(y_test, model.predict(X_test)))

    mlflow.sklearn.log_model(model, "model")
    mlflow.end_run()
    # After end_run(): MLflow opens a new, unnamed run for this tag.
    mlflow.set_tag("data", args.data)


if __name__ == "__main__":
    main()
