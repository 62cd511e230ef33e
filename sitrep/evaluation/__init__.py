"""`sitrep eval`: scoring the coder against PLOVER gold records (README, "Evaluation")."""

from sitrep.evaluation.gold import GoldError, GoldRecord, load_gold
from sitrep.evaluation.harness import Evaluation, evaluate, predict
from sitrep.evaluation.score import Prediction, Scores, score

__all__ = ["Evaluation", "GoldError", "GoldRecord", "Prediction", "Scores", "evaluate",
           "load_gold", "predict", "score"]
