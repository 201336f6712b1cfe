# Generated from forms/red_flag_form.ui by forms/compile.py with pyside6-uic: do not edit.
# ruff: noqa
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QFormLayout, QGroupBox, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QVBoxLayout, QWidget)

from clinic_desktop.gui.intake_tables import RedFlagTable

class Ui_RedFlagForm(object):
    def setupUi(self, RedFlagForm):
        if not RedFlagForm.objectName():
            RedFlagForm.setObjectName(u"RedFlagForm")
        RedFlagForm.resize(760, 520)
        self.redFlagLayout = QVBoxLayout(RedFlagForm)
        self.redFlagLayout.setObjectName(u"redFlagLayout")
        self.redFlagLayout.setContentsMargins(0, 0, 0, 0)
        self.redFlagHelpLabel = QLabel(RedFlagForm)
        self.redFlagHelpLabel.setObjectName(u"redFlagHelpLabel")
        self.redFlagHelpLabel.setWordWrap(True)

        self.redFlagLayout.addWidget(self.redFlagHelpLabel)

        self.redFlagTable = RedFlagTable(RedFlagForm)
        self.redFlagTable.setObjectName(u"redFlagTable")
        self.redFlagTable.setTabKeyNavigation(False)

        self.redFlagLayout.addWidget(self.redFlagTable)

        self.screenSummaryLabel = QLabel(RedFlagForm)
        self.screenSummaryLabel.setObjectName(u"screenSummaryLabel")
        self.screenSummaryLabel.setWordWrap(True)

        self.redFlagLayout.addWidget(self.screenSummaryLabel)

        self.screenErrorLabel = QLabel(RedFlagForm)
        self.screenErrorLabel.setObjectName(u"screenErrorLabel")
        self.screenErrorLabel.setWordWrap(True)

        self.redFlagLayout.addWidget(self.screenErrorLabel)

        self.acknowledgeBox = QGroupBox(RedFlagForm)
        self.acknowledgeBox.setObjectName(u"acknowledgeBox")
        self.acknowledgeForm = QFormLayout(self.acknowledgeBox)
        self.acknowledgeForm.setObjectName(u"acknowledgeForm")
        self.acknowledgeForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.acknowledgeStatusLabel = QLabel(self.acknowledgeBox)
        self.acknowledgeStatusLabel.setObjectName(u"acknowledgeStatusLabel")
        self.acknowledgeStatusLabel.setWordWrap(True)

        self.acknowledgeForm.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.acknowledgeStatusLabel)

        self.acknowledgementEditLabel = QLabel(self.acknowledgeBox)
        self.acknowledgementEditLabel.setObjectName(u"acknowledgementEditLabel")

        self.acknowledgeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.acknowledgementEditLabel)

        self.acknowledgementEdit = QLineEdit(self.acknowledgeBox)
        self.acknowledgementEdit.setObjectName(u"acknowledgementEdit")

        self.acknowledgeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.acknowledgementEdit)

        self.acknowledgeButton = QPushButton(self.acknowledgeBox)
        self.acknowledgeButton.setObjectName(u"acknowledgeButton")
        self.acknowledgeButton.setAutoDefault(True)

        self.acknowledgeForm.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.acknowledgeButton)


        self.redFlagLayout.addWidget(self.acknowledgeBox)

#if QT_CONFIG(shortcut)
        self.acknowledgementEditLabel.setBuddy(self.acknowledgementEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.redFlagTable, self.acknowledgementEdit)
        QWidget.setTabOrder(self.acknowledgementEdit, self.acknowledgeButton)

        self.retranslateUi(RedFlagForm)
    # setupUi

    def retranslateUi(self, RedFlagForm):
        self.redFlagHelpLabel.setText(QCoreApplication.translate("RedFlagForm", u"Ask each question in turn. Y = yes, then type what the patient reported and press Enter; N = no; Space = not asked. The next question comes up by itself.", None))
        self.acknowledgeBox.setTitle(QCoreApplication.translate("RedFlagForm", u"Therapist's acknowledgement", None))
        self.acknowledgementEditLabel.setText(QCoreApplication.translate("RedFlagForm", u"Decision", None))
        self.acknowledgementEdit.setPlaceholderText(QCoreApplication.translate("RedFlagForm", u"What you decided, e.g. referred to GP today", None))
        self.acknowledgeButton.setText(QCoreApplication.translate("RedFlagForm", u"Acknowledge as the signed-in therapist", None))
        pass
    # retranslateUi
