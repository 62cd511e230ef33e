"""`sitrep eval`: scoring the coder against PLOVER gold (README, "Evaluation")."""

from sitrep.evaluation.gold import GoldError, GoldRecord, load_gold
from sitrep.evaluation.harness import (
    DocumentEvaluation,
    Evaluation,
    evaluate,
    evaluate_documents,
    predict,
)
from sitrep.evaluation.score import Prediction, Scores, score

__all__ = ["DocumentEvaluation", "Evaluation", "GoldError", "GoldRecord", "Prediction",
           "Scores", "evaluate", "evaluate_documents", "load_gold", "predict", "score"]
