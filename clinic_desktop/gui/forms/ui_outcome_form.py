# Generated from forms/outcome_form.ui by forms/compile.py with pyside6-uic: do not edit.
# ruff: noqa
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

from clinic_desktop.gui.intake_tables import ItemTable

class Ui_OutcomeForm(object):
    def setupUi(self, OutcomeForm):
        if not OutcomeForm.objectName():
            OutcomeForm.setObjectName(u"OutcomeForm")
        OutcomeForm.resize(760, 520)
        self.outcomeLayout = QVBoxLayout(OutcomeForm)
        self.outcomeLayout.setObjectName(u"outcomeLayout")
        self.outcomeLayout.setContentsMargins(0, 0, 0, 0)
        self.chooserLayout = QHBoxLayout()
        self.chooserLayout.setObjectName(u"chooserLayout")
        self.chooserLayout.setContentsMargins(0, 0, 0, 0)
        self.visitLabel = QLabel(OutcomeForm)
        self.visitLabel.setObjectName(u"visitLabel")

        self.chooserLayout.addWidget(self.visitLabel)

        self.visitCombo = QComboBox(OutcomeForm)
        self.visitCombo.setObjectName(u"visitCombo")
        self.visitCombo.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.visitCombo.setMinimumSize(QSize(220, 0))

        self.chooserLayout.addWidget(self.visitCombo)

        self.instrumentLabel = QLabel(OutcomeForm)
        self.instrumentLabel.setObjectName(u"instrumentLabel")

        self.chooserLayout.addWidget(self.instrumentLabel)

        self.instrumentCombo = QComboBox(OutcomeForm)
        self.instrumentCombo.setObjectName(u"instrumentCombo")

        self.chooserLayout.addWidget(self.instrumentCombo)

        self.chooserSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.chooserLayout.addItem(self.chooserSpacer)


        self.outcomeLayout.addLayout(self.chooserLayout)

        self.outcomeColumns = QHBoxLayout()
        self.outcomeColumns.setObjectName(u"outcomeColumns")
        self.outcomeColumns.setContentsMargins(0, 0, 0, 0)
        self.entryLayout = QVBoxLayout()
        self.entryLayout.setObjectName(u"entryLayout")
        self.entryLayout.setContentsMargins(0, 0, 0, 0)
        self.instructionsLabel = QLabel(OutcomeForm)
        self.instructionsLabel.setObjectName(u"instructionsLabel")
        self.instructionsLabel.setWordWrap(True)

        self.entryLayout.addWidget(self.instructionsLabel)

        self.itemTable = ItemTable(OutcomeForm)
        self.itemTable.setObjectName(u"itemTable")
        self.itemTable.setTabKeyNavigation(False)

        self.entryLayout.addWidget(self.itemTable)

        self.totalLabel = QLabel(OutcomeForm)
        self.totalLabel.setObjectName(u"totalLabel")
        self.totalLabel.setWordWrap(True)

        self.entryLayout.addWidget(self.totalLabel)

        self.answersErrorLabel = QLabel(OutcomeForm)
        self.answersErrorLabel.setObjectName(u"answersErrorLabel")
        self.answersErrorLabel.setWordWrap(True)

        self.entryLayout.addWidget(self.answersErrorLabel)


        self.outcomeColumns.addLayout(self.entryLayout)

        self.historyBox = QGroupBox(OutcomeForm)
        self.historyBox.setObjectName(u"historyBox")
        self.historyLayout = QVBoxLayout(self.historyBox)
        self.historyLayout.setObjectName(u"historyLayout")
        self.historyLayout.setContentsMargins(0, 0, 0, 0)
        self.historyTable = QTableView(self.historyBox)
        self.historyTable.setObjectName(u"historyTable")
        self.historyTable.setTabKeyNavigation(False)

        self.historyLayout.addWidget(self.historyTable)

        self.changeLabel = QLabel(self.historyBox)
        self.changeLabel.setObjectName(u"changeLabel")
        self.changeLabel.setWordWrap(True)

        self.historyLayout.addWidget(self.changeLabel)


        self.outcomeColumns.addWidget(self.historyBox)

        self.outcomeColumns.setStretch(0, 3)
        self.outcomeColumns.setStretch(1, 2)

        self.outcomeLayout.addLayout(self.outcomeColumns)

        self.sourceLabel = QLabel(OutcomeForm)
        self.sourceLabel.setObjectName(u"sourceLabel")
        self.sourceLabel.setWordWrap(True)

        self.outcomeLayout.addWidget(self.sourceLabel)

#if QT_CONFIG(shortcut)
        self.visitLabel.setBuddy(self.visitCombo)
        self.instrumentLabel.setBuddy(self.instrumentCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.visitCombo, self.instrumentCombo)
        QWidget.setTabOrder(self.instrumentCombo, self.itemTable)
        QWidget.setTabOrder(self.itemTable, self.historyTable)

        self.retranslateUi(OutcomeForm)
    # setupUi

    def retranslateUi(self, OutcomeForm):
        self.visitLabel.setText(QCoreApplication.translate("OutcomeForm", u"Visit", None))
        self.instrumentLabel.setText(QCoreApplication.translate("OutcomeForm", u"Questionnaire", None))
        self.historyBox.setTitle(QCoreApplication.translate("OutcomeForm", u"This episode", None))
        pass
    # retranslateUi
