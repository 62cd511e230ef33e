"""`sitrep eval`: scoring the coder against PLOVER gold, and its places against toponym gold
(README, "Evaluation")."""

from sitrep.evaluation.gold import GoldError, GoldRecord, load_gold
from sitrep.evaluation.harness import (
    DocumentEvaluation,
    Evaluation,
    ToponymEvaluation,
    evaluate,
    evaluate_documents,
    evaluate_toponyms,
    predict,
)
from sitrep.evaluation.score import Prediction, Scores, score

__all__ = ["DocumentEvaluation", "Evaluation", "GoldError", "GoldRecord", "Prediction",
           "Scores", "ToponymEvaluation", "evaluate", "evaluate_documents",
           "evaluate_toponyms", "load_gold", "predict", "score"]
