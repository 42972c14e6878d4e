"""The spam data's schema, defined once: its columns and its class names in label order.

The lowest module of the package: everything that needs the label names imports
them from here, and this module imports nothing of the package.
"""

COLUMNS = ("content", "class")
# 순서가 곧 정수 레이블입니다: 일상대화 -> 0, 스팸문자 -> 1
SPAM_CLASSES = ("일상대화", "스팸문자")
LABELS = frozenset(SPAM_CLASSES)
LABEL_MAP = {name: i for i, name in enumerate(SPAM_CLASSES)}
