"""scikit-learn peer of T1: MLPClassifier (one hidden layer of 25 logistic units, lbfgs,
alpha = lambda = 1, 100 iterations) on the digits data of examples/data/digits.csv, all 1,797
rows, from the initial weights the bench passes (the spec's). Its output layer is softmax, as
scikit-learn's is for 10 classes (ours: 10 sigmoid units). Usage:
sklearn-digits.py ROUNDS CSV THETA_JSON -> prints {"medianMs", "trainAccuracy", "finalLoss", ...}."""
import json
import sys
import time
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

rounds = int(sys.argv[1])
data = np.loadtxt(sys.argv[2], delimiter=",", skiprows=1)
X, y = data[:, :-1], data[:, -1].astype(int)
theta = json.load(open(sys.argv[3]))  # {"Theta1": [[...]], "Theta2": [[...]]}, rows = units, column 0 = bias
T1, T2 = np.array(theta["Theta1"]), np.array(theta["Theta2"])


def train():
    clf = MLPClassifier(hidden_layer_sizes=(25,), activation="logistic", solver="lbfgs", alpha=1.0,
                        max_iter=1, tol=0.0, warm_start=True, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        clf.fit(X[:20], y[:20] if len(set(y[:20])) == 10 else y[:20])  # sets up the layers
        clf.coefs_ = [T1[:, 1:].T.copy(), T2[:, 1:].T.copy()]
        clf.intercepts_ = [T1[:, 0].copy(), T2[:, 0].copy()]
        clf.max_iter = 100
        start = time.perf_counter()
        clf.fit(X, y)
        wall = (time.perf_counter() - start) * 1e3
    return wall, clf


walls = []
for _ in range(rounds):
    wall, clf = train()
    walls.append(wall)
print(json.dumps({
    "medianMs": float(np.median(walls)),
    "wallsMs": [round(w, 1) for w in walls],
    "trainAccuracy": float((clf.predict(X) == y).mean()),
    "finalLoss": float(clf.loss_),
    "iterations": int(clf.n_iter_),
    "sklearn": sklearn.__version__,
}))
