# Generated from forms/goal_editor.ui by forms/compile.py with pyside6-uic: do not edit.
# ruff: noqa
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_GoalEditor(object):
    def setupUi(self, GoalEditor):
        if not GoalEditor.objectName():
            GoalEditor.setObjectName(u"GoalEditor")
        GoalEditor.resize(900, 260)
        self.editorLayout = QVBoxLayout(GoalEditor)
        self.editorLayout.setObjectName(u"editorLayout")
        self.editorLayout.setContentsMargins(0, 0, 0, 0)
        self.editingLabel = QLabel(GoalEditor)
        self.editingLabel.setObjectName(u"editingLabel")
        self.editingLabel.setWordWrap(True)

        self.editorLayout.addWidget(self.editingLabel)

        self.formColumns = QHBoxLayout()
        self.formColumns.setObjectName(u"formColumns")
        self.formColumns.setContentsMargins(0, 0, 0, 0)
        self.leftForm = QFormLayout()
        self.leftForm.setObjectName(u"leftForm")
        self.leftForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.textLabel = QLabel(GoalEditor)
        self.textLabel.setObjectName(u"textLabel")

        self.leftForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.textLabel)

        self.textEdit = QLineEdit(GoalEditor)
        self.textEdit.setObjectName(u"textEdit")

        self.leftForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.textEdit)

        self.kindLabel = QLabel(GoalEditor)
        self.kindLabel.setObjectName(u"kindLabel")

        self.leftForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(GoalEditor)
        self.kindCombo.setObjectName(u"kindCombo")

        self.leftForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.testLabel = QLabel(GoalEditor)
        self.testLabel.setObjectName(u"testLabel")

        self.leftForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.testLabel)

        self.testCombo = QComboBox(GoalEditor)
        self.testCombo.setObjectName(u"testCombo")
        self.testCombo.setEditable(True)

        self.leftForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.testCombo)

        self.sideLabel = QLabel(GoalEditor)
        self.sideLabel.setObjectName(u"sideLabel")

        self.leftForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sideLabel)

        self.sideCombo = QComboBox(GoalEditor)
        self.sideCombo.setObjectName(u"sideCombo")

        self.leftForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sideCombo)

        self.valueLabel = QLabel(GoalEditor)
        self.valueLabel.setObjectName(u"valueLabel")

        self.leftForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.valueLabel)

        self.valueLayout = QHBoxLayout()
        self.valueLayout.setObjectName(u"valueLayout")
        self.valueLayout.setContentsMargins(0, 0, 0, 0)
        self.valueEdit = QLineEdit(GoalEditor)
        self.valueEdit.setObjectName(u"valueEdit")

        self.valueLayout.addWidget(self.valueEdit)

        self.valueUnitLabel = QLabel(GoalEditor)
        self.valueUnitLabel.setObjectName(u"valueUnitLabel")

        self.valueLayout.addWidget(self.valueUnitLabel)


        self.leftForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.valueLayout)

        self.questionnaireLabel = QLabel(GoalEditor)
        self.questionnaireLabel.setObjectName(u"questionnaireLabel")

        self.leftForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.questionnaireLabel)

        self.questionnaireCombo = QComboBox(GoalEditor)
        self.questionnaireCombo.setObjectName(u"questionnaireCombo")

        self.leftForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.questionnaireCombo)


        self.formColumns.addLayout(self.leftForm)

        self.rightForm = QFormLayout()
        self.rightForm.setObjectName(u"rightForm")
        self.rightForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.dateLabel = QLabel(GoalEditor)
        self.dateLabel.setObjectName(u"dateLabel")

        self.rightForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QLineEdit(GoalEditor)
        self.dateEdit.setObjectName(u"dateEdit")

        self.rightForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.statusLabel = QLabel(GoalEditor)
        self.statusLabel.setObjectName(u"statusLabel")

        self.rightForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(GoalEditor)
        self.statusCombo.setObjectName(u"statusCombo")

        self.rightForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.measuredCaption = QLabel(GoalEditor)
        self.measuredCaption.setObjectName(u"measuredCaption")

        self.rightForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.measuredCaption)

        self.measuredLabel = QLabel(GoalEditor)
        self.measuredLabel.setObjectName(u"measuredLabel")
        self.measuredLabel.setAlignment(Qt.AlignLeading|Qt.AlignLeft|Qt.AlignTop)
        self.measuredLabel.setWordWrap(True)

        self.rightForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.measuredLabel)

        self.noteLabel = QLabel(GoalEditor)
        self.noteLabel.setObjectName(u"noteLabel")

        self.rightForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QPlainTextEdit(GoalEditor)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setTabChangesFocus(True)
        self.noteEdit.setMaximumSize(QSize(16777215, 72))

        self.rightForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.noteEdit)

        self.noteHintCaption = QLabel(GoalEditor)
        self.noteHintCaption.setObjectName(u"noteHintCaption")

        self.rightForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.noteHintCaption)

        self.noteHintLabel = QLabel(GoalEditor)
        self.noteHintLabel.setObjectName(u"noteHintLabel")
        self.noteHintLabel.setWordWrap(True)

        self.rightForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.noteHintLabel)


        self.formColumns.addLayout(self.rightForm)

        self.formColumns.setStretch(0, 1)
        self.formColumns.setStretch(1, 1)

        self.editorLayout.addLayout(self.formColumns)

        self.generalLabel = QLabel(GoalEditor)
        self.generalLabel.setObjectName(u"generalLabel")
        self.generalLabel.setWordWrap(True)

        self.editorLayout.addWidget(self.generalLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonRow.setContentsMargins(0, 0, 0, 0)
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.newButton = QPushButton(GoalEditor)
        self.newButton.setObjectName(u"newButton")
        self.newButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.newButton)

        self.saveButton = QPushButton(GoalEditor)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.saveButton)

        self.cancelButton = QPushButton(GoalEditor)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.cancelButton)

        self.removeButton = QPushButton(GoalEditor)
        self.removeButton.setObjectName(u"removeButton")
        self.removeButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.removeButton)


        self.editorLayout.addLayout(self.buttonRow)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.editorLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.textLabel.setBuddy(self.textEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.testLabel.setBuddy(self.testCombo)
        self.sideLabel.setBuddy(self.sideCombo)
        self.valueLabel.setBuddy(self.valueEdit)
        self.questionnaireLabel.setBuddy(self.questionnaireCombo)
        self.dateLabel.setBuddy(self.dateEdit)
        self.statusLabel.setBuddy(self.statusCombo)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.textEdit, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.testCombo)
        QWidget.setTabOrder(self.testCombo, self.sideCombo)
        QWidget.setTabOrder(self.sideCombo, self.valueEdit)
        QWidget.setTabOrder(self.valueEdit, self.questionnaireCombo)
        QWidget.setTabOrder(self.questionnaireCombo, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.noteEdit)
        QWidget.setTabOrder(self.noteEdit, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.cancelButton)
        QWidget.setTabOrder(self.cancelButton, self.newButton)
        QWidget.setTabOrder(self.newButton, self.removeButton)

        self.retranslateUi(GoalEditor)
    # setupUi

    def retranslateUi(self, GoalEditor):
        self.textLabel.setText(QCoreApplication.translate("GoalEditor", u"Goal te&xt", None))
        self.textEdit.setPlaceholderText(QCoreApplication.translate("GoalEditor", u"In the runner's words, e.g. Run 10 km without knee pain", None))
        self.kindLabel.setText(QCoreApplication.translate("GoalEditor", u"Target &kind", None))
        self.testLabel.setText(QCoreApplication.translate("GoalEditor", u"&Battery test", None))
        self.sideLabel.setText(QCoreApplication.translate("GoalEditor", u"Side", None))
        self.valueLabel.setText(QCoreApplication.translate("GoalEditor", u"Target &value", None))
        self.questionnaireLabel.setText(QCoreApplication.translate("GoalEditor", u"&Questionnaire", None))
        self.dateLabel.setText(QCoreApplication.translate("GoalEditor", u"Target &date", None))
        self.statusLabel.setText(QCoreApplication.translate("GoalEditor", u"Stat&us", None))
        self.measuredCaption.setText(QCoreApplication.translate("GoalEditor", u"Measured now", None))
        self.noteLabel.setText(QCoreApplication.translate("GoalEditor", u"&Note", None))
        self.noteHintCaption.setText("")
        self.newButton.setText(QCoreApplication.translate("GoalEditor", u"New goal (Ctrl+N)", None))
        self.saveButton.setText(QCoreApplication.translate("GoalEditor", u"&Save goal (Ctrl+S)", None))
        self.cancelButton.setText(QCoreApplication.translate("GoalEditor", u"&Cancel edits (Esc)", None))
        self.removeButton.setText(QCoreApplication.translate("GoalEditor", u"Re&move goal (Del)", None))
        pass
    # retranslateUi
