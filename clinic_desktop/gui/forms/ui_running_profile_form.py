# Generated from forms/running_profile_form.ui by forms/compile.py with pyside6-uic: do not edit.
# ruff: noqa
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_RunningProfileForm(object):
    def setupUi(self, RunningProfileForm):
        if not RunningProfileForm.objectName():
            RunningProfileForm.setObjectName(u"RunningProfileForm")
        RunningProfileForm.resize(760, 330)
        self.profileLayout = QVBoxLayout(RunningProfileForm)
        self.profileLayout.setObjectName(u"profileLayout")
        self.profileLayout.setContentsMargins(0, 0, 0, 0)
        self.profileColumns = QHBoxLayout()
        self.profileColumns.setObjectName(u"profileColumns")
        self.profileColumns.setContentsMargins(0, 0, 0, 0)
        self.trainingBox = QGroupBox(RunningProfileForm)
        self.trainingBox.setObjectName(u"trainingBox")
        self.trainingForm = QFormLayout(self.trainingBox)
        self.trainingForm.setObjectName(u"trainingForm")
        self.trainingForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.weeklyBeforeEditLabel = QLabel(self.trainingBox)
        self.weeklyBeforeEditLabel.setObjectName(u"weeklyBeforeEditLabel")

        self.trainingForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.weeklyBeforeEditLabel)

        self.weeklyBeforeEdit = QLineEdit(self.trainingBox)
        self.weeklyBeforeEdit.setObjectName(u"weeklyBeforeEdit")

        self.trainingForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.weeklyBeforeEdit)

        self.weeklyNowEditLabel = QLabel(self.trainingBox)
        self.weeklyNowEditLabel.setObjectName(u"weeklyNowEditLabel")

        self.trainingForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.weeklyNowEditLabel)

        self.weeklyNowEdit = QLineEdit(self.trainingBox)
        self.weeklyNowEdit.setObjectName(u"weeklyNowEdit")

        self.trainingForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.weeklyNowEdit)

        self.runsPerWeekEditLabel = QLabel(self.trainingBox)
        self.runsPerWeekEditLabel.setObjectName(u"runsPerWeekEditLabel")

        self.trainingForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.runsPerWeekEditLabel)

        self.runsPerWeekEdit = QLineEdit(self.trainingBox)
        self.runsPerWeekEdit.setObjectName(u"runsPerWeekEdit")

        self.trainingForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.runsPerWeekEdit)

        self.longestRunEditLabel = QLabel(self.trainingBox)
        self.longestRunEditLabel.setObjectName(u"longestRunEditLabel")

        self.trainingForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.longestRunEditLabel)

        self.longestRunEdit = QLineEdit(self.trainingBox)
        self.longestRunEdit.setObjectName(u"longestRunEdit")

        self.trainingForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.longestRunEdit)

        self.yearsRunningEditLabel = QLabel(self.trainingBox)
        self.yearsRunningEditLabel.setObjectName(u"yearsRunningEditLabel")

        self.trainingForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.yearsRunningEditLabel)

        self.yearsRunningEdit = QLineEdit(self.trainingBox)
        self.yearsRunningEdit.setObjectName(u"yearsRunningEdit")

        self.trainingForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.yearsRunningEdit)

        self.paceEditLabel = QLabel(self.trainingBox)
        self.paceEditLabel.setObjectName(u"paceEditLabel")

        self.trainingForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.paceEditLabel)

        self.paceEdit = QLineEdit(self.trainingBox)
        self.paceEdit.setObjectName(u"paceEdit")

        self.trainingForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.paceEdit)

        self.runningStatusComboLabel = QLabel(self.trainingBox)
        self.runningStatusComboLabel.setObjectName(u"runningStatusComboLabel")

        self.trainingForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.runningStatusComboLabel)

        self.runningStatusCombo = QComboBox(self.trainingBox)
        self.runningStatusCombo.setObjectName(u"runningStatusCombo")

        self.trainingForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.runningStatusCombo)


        self.profileColumns.addWidget(self.trainingBox)

        self.goalsBox = QGroupBox(RunningProfileForm)
        self.goalsBox.setObjectName(u"goalsBox")
        self.goalsForm = QFormLayout(self.goalsBox)
        self.goalsForm.setObjectName(u"goalsForm")
        self.goalsForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.goalEventEditLabel = QLabel(self.goalsBox)
        self.goalEventEditLabel.setObjectName(u"goalEventEditLabel")

        self.goalsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.goalEventEditLabel)

        self.goalEventEdit = QLineEdit(self.goalsBox)
        self.goalEventEdit.setObjectName(u"goalEventEdit")

        self.goalsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.goalEventEdit)

        self.goalDateEditLabel = QLabel(self.goalsBox)
        self.goalDateEditLabel.setObjectName(u"goalDateEditLabel")

        self.goalsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.goalDateEditLabel)

        self.goalDateEdit = QLineEdit(self.goalsBox)
        self.goalDateEdit.setObjectName(u"goalDateEdit")

        self.goalsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.goalDateEdit)

        self.surfacesEditLabel = QLabel(self.goalsBox)
        self.surfacesEditLabel.setObjectName(u"surfacesEditLabel")

        self.goalsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.surfacesEditLabel)

        self.surfacesEdit = QLineEdit(self.goalsBox)
        self.surfacesEdit.setObjectName(u"surfacesEdit")

        self.goalsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.surfacesEdit)

        self.shoesEditLabel = QLabel(self.goalsBox)
        self.shoesEditLabel.setObjectName(u"shoesEditLabel")

        self.goalsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.shoesEditLabel)

        self.shoesEdit = QLineEdit(self.goalsBox)
        self.shoesEdit.setObjectName(u"shoesEdit")

        self.goalsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.shoesEdit)

        self.shoeDistanceEditLabel = QLabel(self.goalsBox)
        self.shoeDistanceEditLabel.setObjectName(u"shoeDistanceEditLabel")

        self.goalsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.shoeDistanceEditLabel)

        self.shoeDistanceEdit = QLineEdit(self.goalsBox)
        self.shoeDistanceEdit.setObjectName(u"shoeDistanceEdit")

        self.goalsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.shoeDistanceEdit)

        self.crossTrainingEditLabel = QLabel(self.goalsBox)
        self.crossTrainingEditLabel.setObjectName(u"crossTrainingEditLabel")

        self.goalsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.crossTrainingEditLabel)

        self.crossTrainingEdit = QPlainTextEdit(self.goalsBox)
        self.crossTrainingEdit.setObjectName(u"crossTrainingEdit")
        self.crossTrainingEdit.setTabChangesFocus(True)
        self.crossTrainingEdit.setMaximumSize(QSize(16777215, 80))

        self.goalsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.crossTrainingEdit)


        self.profileColumns.addWidget(self.goalsBox)


        self.profileLayout.addLayout(self.profileColumns)

        self.profileSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.profileLayout.addItem(self.profileSpacer)

#if QT_CONFIG(shortcut)
        self.weeklyBeforeEditLabel.setBuddy(self.weeklyBeforeEdit)
        self.weeklyNowEditLabel.setBuddy(self.weeklyNowEdit)
        self.runsPerWeekEditLabel.setBuddy(self.runsPerWeekEdit)
        self.longestRunEditLabel.setBuddy(self.longestRunEdit)
        self.yearsRunningEditLabel.setBuddy(self.yearsRunningEdit)
        self.paceEditLabel.setBuddy(self.paceEdit)
        self.runningStatusComboLabel.setBuddy(self.runningStatusCombo)
        self.goalEventEditLabel.setBuddy(self.goalEventEdit)
        self.goalDateEditLabel.setBuddy(self.goalDateEdit)
        self.surfacesEditLabel.setBuddy(self.surfacesEdit)
        self.shoesEditLabel.setBuddy(self.shoesEdit)
        self.shoeDistanceEditLabel.setBuddy(self.shoeDistanceEdit)
        self.crossTrainingEditLabel.setBuddy(self.crossTrainingEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.weeklyBeforeEdit, self.weeklyNowEdit)
        QWidget.setTabOrder(self.weeklyNowEdit, self.runsPerWeekEdit)
        QWidget.setTabOrder(self.runsPerWeekEdit, self.longestRunEdit)
        QWidget.setTabOrder(self.longestRunEdit, self.yearsRunningEdit)
        QWidget.setTabOrder(self.yearsRunningEdit, self.paceEdit)
        QWidget.setTabOrder(self.paceEdit, self.runningStatusCombo)
        QWidget.setTabOrder(self.runningStatusCombo, self.goalEventEdit)
        QWidget.setTabOrder(self.goalEventEdit, self.goalDateEdit)
        QWidget.setTabOrder(self.goalDateEdit, self.surfacesEdit)
        QWidget.setTabOrder(self.surfacesEdit, self.shoesEdit)
        QWidget.setTabOrder(self.shoesEdit, self.shoeDistanceEdit)
        QWidget.setTabOrder(self.shoeDistanceEdit, self.crossTrainingEdit)

        self.retranslateUi(RunningProfileForm)
    # setupUi

    def retranslateUi(self, RunningProfileForm):
        self.trainingBox.setTitle(QCoreApplication.translate("RunningProfileForm", u"Training", None))
        self.weeklyBeforeEditLabel.setText(QCoreApplication.translate("RunningProfileForm", u"Weekly distance before", None))
        self.weeklyNowEditLabel.setText(QCoreApplication.translate("RunningProfileForm", u"Weekly distance now", None))
        self.runsPerWeekEditLabel.setText(QCoreApplication.translate("RunningProfileForm", u"Runs per week", None))
        self.longestRunEditLabel.setText(QCoreApplication.translate("RunningProfileForm", u"Longest run", None))
        self.yearsRunningEditLabel.setText(QCoreApplication.translate("RunningProfileForm", u"Years running", None))
        self.paceEditLabel.setText(QCoreApplication.translate("RunningProfileForm", u"Usual easy pace", None))
        self.runningStatusComboLabel.setText(QCoreApplication.translate("RunningProfileForm", u"Running now is", None))
        self.goalsBox.setTitle(QCoreApplication.translate("RunningProfileForm", u"Goals and gear", None))
        self.goalEventEditLabel.setText(QCoreApplication.translate("RunningProfileForm", u"Goal event", None))
        self.goalEventEdit.setPlaceholderText(QCoreApplication.translate("RunningProfileForm", u"e.g. City half marathon", None))
        self.goalDateEditLabel.setText(QCoreApplication.translate("RunningProfileForm", u"Goal date", None))
        self.surfacesEditLabel.setText(QCoreApplication.translate("RunningProfileForm", u"Surfaces", None))
        self.surfacesEdit.setPlaceholderText(QCoreApplication.translate("RunningProfileForm", u"road, trail, track, treadmill", None))
        self.shoesEditLabel.setText(QCoreApplication.translate("RunningProfileForm", u"Shoes", None))
        self.shoesEdit.setPlaceholderText(QCoreApplication.translate("RunningProfileForm", u"Model and type", None))
        self.shoeDistanceEditLabel.setText(QCoreApplication.translate("RunningProfileForm", u"Shoes' distance", None))
        self.crossTrainingEditLabel.setText(QCoreApplication.translate("RunningProfileForm", u"Cross-training", None))
        self.crossTrainingEdit.setPlaceholderText(QCoreApplication.translate("RunningProfileForm", u"Cycling, swimming, strength\u2026", None))
        pass
    # retranslateUi
