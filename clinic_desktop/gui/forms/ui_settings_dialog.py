# Generated from forms/settings_dialog.ui by forms/compile.py with pyside6-uic: do not edit.
# ruff: noqa
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QFrame, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QTabWidget,
    QVBoxLayout, QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(600, 640)
        self.mainLayout = QVBoxLayout(SettingsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(SettingsDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.tabs = QTabWidget(SettingsDialog)
        self.tabs.setObjectName(u"tabs")
        self.clinicTab = QWidget()
        self.clinicTab.setObjectName(u"clinicTab")
        self.clinicTabLayout = QVBoxLayout(self.clinicTab)
        self.clinicTabLayout.setObjectName(u"clinicTabLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.clinicNameLabel = QLabel(self.clinicTab)
        self.clinicNameLabel.setObjectName(u"clinicNameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.clinicNameLabel)

        self.clinicNameEdit = QLineEdit(self.clinicTab)
        self.clinicNameEdit.setObjectName(u"clinicNameEdit")
        self.clinicNameEdit.setMaxLength(120)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.clinicNameEdit)

        self.addressLabel = QLabel(self.clinicTab)
        self.addressLabel.setObjectName(u"addressLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QPlainTextEdit(self.clinicTab)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setTabChangesFocus(True)
        self.addressEdit.setMaximumSize(QSize(16777215, 70))

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.phoneLabel = QLabel(self.clinicTab)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(self.clinicTab)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.logoLabel = QLabel(self.clinicTab)
        self.logoLabel.setObjectName(u"logoLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.logoLabel)

        self.logoLayout = QHBoxLayout()
        self.logoLayout.setObjectName(u"logoLayout")
        self.logoPreview = QLabel(self.clinicTab)
        self.logoPreview.setObjectName(u"logoPreview")
        self.logoPreview.setMinimumSize(QSize(120, 48))
        self.logoPreview.setFrameShape(QFrame.StyledPanel)
        self.logoPreview.setAlignment(Qt.AlignCenter)

        self.logoLayout.addWidget(self.logoPreview)

        self.chooseLogoButton = QPushButton(self.clinicTab)
        self.chooseLogoButton.setObjectName(u"chooseLogoButton")

        self.logoLayout.addWidget(self.chooseLogoButton)

        self.removeLogoButton = QPushButton(self.clinicTab)
        self.removeLogoButton.setObjectName(u"removeLogoButton")

        self.logoLayout.addWidget(self.removeLogoButton)

        self.logoSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.logoLayout.addItem(self.logoSpacer)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.logoLayout)

        self.paperSizeLabel = QLabel(self.clinicTab)
        self.paperSizeLabel.setObjectName(u"paperSizeLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.paperSizeLabel)

        self.paperSizeCombo = QComboBox(self.clinicTab)
        self.paperSizeCombo.setObjectName(u"paperSizeCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.paperSizeCombo)

        self.distanceUnitLabel = QLabel(self.clinicTab)
        self.distanceUnitLabel.setObjectName(u"distanceUnitLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.distanceUnitLabel)

        self.distanceUnitCombo = QComboBox(self.clinicTab)
        self.distanceUnitCombo.setObjectName(u"distanceUnitCombo")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.distanceUnitCombo)

        self.forceUnitLabel = QLabel(self.clinicTab)
        self.forceUnitLabel.setObjectName(u"forceUnitLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.forceUnitLabel)

        self.forceUnitCombo = QComboBox(self.clinicTab)
        self.forceUnitCombo.setObjectName(u"forceUnitCombo")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.forceUnitCombo)

        self.dateFormatLabel = QLabel(self.clinicTab)
        self.dateFormatLabel.setObjectName(u"dateFormatLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.dateFormatLabel)

        self.dateFormatCombo = QComboBox(self.clinicTab)
        self.dateFormatCombo.setObjectName(u"dateFormatCombo")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.dateFormatCombo)

        self.mrnPrefixLabel = QLabel(self.clinicTab)
        self.mrnPrefixLabel.setObjectName(u"mrnPrefixLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.mrnPrefixLabel)

        self.mrnPrefixEdit = QLineEdit(self.clinicTab)
        self.mrnPrefixEdit.setObjectName(u"mrnPrefixEdit")
        self.mrnPrefixEdit.setMaxLength(6)

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.mrnPrefixEdit)

        self.lockAfterLabel = QLabel(self.clinicTab)
        self.lockAfterLabel.setObjectName(u"lockAfterLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.lockAfterLabel)

        self.lockAfterSpin = QSpinBox(self.clinicTab)
        self.lockAfterSpin.setObjectName(u"lockAfterSpin")
        self.lockAfterSpin.setMinimum(1)
        self.lockAfterSpin.setMaximum(120)
        self.lockAfterSpin.setValue(10)

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.lockAfterSpin)


        self.clinicTabLayout.addLayout(self.formLayout)

        self.clinicTabSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.clinicTabLayout.addItem(self.clinicTabSpacer)

        self.tabs.addTab(self.clinicTab, "")
        self.reportsTab = QWidget()
        self.reportsTab.setObjectName(u"reportsTab")
        self.reportsTabLayout = QVBoxLayout(self.reportsTab)
        self.reportsTabLayout.setObjectName(u"reportsTabLayout")
        self.reportsFormLayout = QFormLayout()
        self.reportsFormLayout.setObjectName(u"reportsFormLayout")
        self.reportVisitsLabel = QLabel(self.reportsTab)
        self.reportVisitsLabel.setObjectName(u"reportVisitsLabel")

        self.reportsFormLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reportVisitsLabel)

        self.reportVisitsSpin = QSpinBox(self.reportsTab)
        self.reportVisitsSpin.setObjectName(u"reportVisitsSpin")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.reportVisitsSpin.sizePolicy().hasHeightForWidth())
        self.reportVisitsSpin.setSizePolicy(sizePolicy)
        self.reportVisitsSpin.setMinimum(0)
        self.reportVisitsSpin.setMaximum(999)
        self.reportVisitsSpin.setValue(10)

        self.reportsFormLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reportVisitsSpin)

        self.reportDaysLabel = QLabel(self.reportsTab)
        self.reportDaysLabel.setObjectName(u"reportDaysLabel")

        self.reportsFormLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reportDaysLabel)

        self.reportDaysSpin = QSpinBox(self.reportsTab)
        self.reportDaysSpin.setObjectName(u"reportDaysSpin")
        sizePolicy.setHeightForWidth(self.reportDaysSpin.sizePolicy().hasHeightForWidth())
        self.reportDaysSpin.setSizePolicy(sizePolicy)
        self.reportDaysSpin.setMinimum(0)
        self.reportDaysSpin.setMaximum(999)
        self.reportDaysSpin.setValue(30)

        self.reportsFormLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reportDaysSpin)

        self.reportIntervalNote = QLabel(self.reportsTab)
        self.reportIntervalNote.setObjectName(u"reportIntervalNote")
        self.reportIntervalNote.setWordWrap(True)
        self.reportIntervalNote.setAlignment(Qt.AlignLeft|Qt.AlignTop)

        self.reportsFormLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reportIntervalNote)

        self.adviceLabel = QLabel(self.reportsTab)
        self.adviceLabel.setObjectName(u"adviceLabel")

        self.reportsFormLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.adviceLabel)

        self.adviceEdit = QPlainTextEdit(self.reportsTab)
        self.adviceEdit.setObjectName(u"adviceEdit")
        self.adviceEdit.setTabChangesFocus(True)
        self.adviceEdit.setMinimumSize(QSize(0, 200))

        self.reportsFormLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.adviceEdit)

        self.adviceButtonsLayout = QHBoxLayout()
        self.adviceButtonsLayout.setObjectName(u"adviceButtonsLayout")
        self.shippedAdviceButton = QPushButton(self.reportsTab)
        self.shippedAdviceButton.setObjectName(u"shippedAdviceButton")

        self.adviceButtonsLayout.addWidget(self.shippedAdviceButton)

        self.adviceButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.adviceButtonsLayout.addItem(self.adviceButtonsSpacer)


        self.reportsFormLayout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.adviceButtonsLayout)

        self.adviceNote = QLabel(self.reportsTab)
        self.adviceNote.setObjectName(u"adviceNote")
        self.adviceNote.setWordWrap(True)
        self.adviceNote.setAlignment(Qt.AlignLeft|Qt.AlignTop)

        self.reportsFormLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.adviceNote)


        self.reportsTabLayout.addLayout(self.reportsFormLayout)

        self.tabs.addTab(self.reportsTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.statusLabel = QLabel(SettingsDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.statusLabel)

        self.buttonBox = QDialogButtonBox(SettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.clinicNameLabel.setBuddy(self.clinicNameEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.logoLabel.setBuddy(self.chooseLogoButton)
        self.paperSizeLabel.setBuddy(self.paperSizeCombo)
        self.distanceUnitLabel.setBuddy(self.distanceUnitCombo)
        self.forceUnitLabel.setBuddy(self.forceUnitCombo)
        self.dateFormatLabel.setBuddy(self.dateFormatCombo)
        self.mrnPrefixLabel.setBuddy(self.mrnPrefixEdit)
        self.lockAfterLabel.setBuddy(self.lockAfterSpin)
        self.reportVisitsLabel.setBuddy(self.reportVisitsSpin)
        self.reportDaysLabel.setBuddy(self.reportDaysSpin)
        self.adviceLabel.setBuddy(self.adviceEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.clinicNameEdit, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.chooseLogoButton)
        QWidget.setTabOrder(self.chooseLogoButton, self.removeLogoButton)
        QWidget.setTabOrder(self.removeLogoButton, self.paperSizeCombo)
        QWidget.setTabOrder(self.paperSizeCombo, self.distanceUnitCombo)
        QWidget.setTabOrder(self.distanceUnitCombo, self.forceUnitCombo)
        QWidget.setTabOrder(self.forceUnitCombo, self.dateFormatCombo)
        QWidget.setTabOrder(self.dateFormatCombo, self.mrnPrefixEdit)
        QWidget.setTabOrder(self.mrnPrefixEdit, self.lockAfterSpin)
        QWidget.setTabOrder(self.lockAfterSpin, self.reportVisitsSpin)
        QWidget.setTabOrder(self.reportVisitsSpin, self.reportDaysSpin)
        QWidget.setTabOrder(self.reportDaysSpin, self.adviceEdit)
        QWidget.setTabOrder(self.adviceEdit, self.shippedAdviceButton)

        self.retranslateUi(SettingsDialog)

        self.tabs.setCurrentIndex(0)

    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"Clinic settings", None))
        self.introLabel.setText(QCoreApplication.translate("SettingsDialog", u"These settings are shared by every workstation of the clinic.", None))
        self.clinicNameLabel.setText(QCoreApplication.translate("SettingsDialog", u"Clinic &name", None))
        self.addressLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Address", None))
        self.phoneLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Phone", None))
        self.logoLabel.setText(QCoreApplication.translate("SettingsDialog", u"Letterhead &logo", None))
        self.logoPreview.setText(QCoreApplication.translate("SettingsDialog", u"No logo", None))
        self.chooseLogoButton.setText(QCoreApplication.translate("SettingsDialog", u"Choose\u2026", None))
        self.removeLogoButton.setText(QCoreApplication.translate("SettingsDialog", u"Remove", None))
        self.paperSizeLabel.setText(QCoreApplication.translate("SettingsDialog", u"Pa&per size", None))
        self.distanceUnitLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Distance unit", None))
        self.forceUnitLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Force unit", None))
        self.dateFormatLabel.setText(QCoreApplication.translate("SettingsDialog", u"Da&te format", None))
        self.mrnPrefixLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Record number prefix", None))
        self.lockAfterLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Lock the screen after", None))
        self.lockAfterSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" min without use", None))
        self.tabs.setTabText(self.tabs.indexOf(self.clinicTab), QCoreApplication.translate("SettingsDialog", u"&Clinic", None))
        self.reportVisitsLabel.setText(QCoreApplication.translate("SettingsDialog", u"Progress report d&ue after", None))
        self.reportVisitsSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" visits", None))
        self.reportDaysLabel.setText(QCoreApplication.translate("SettingsDialog", u"&or after", None))
        self.reportDaysSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" days", None))
        self.reportIntervalNote.setText(QCoreApplication.translate("SettingsDialog", u"Whichever comes first, counted from the last evaluation, re-evaluation or progress report. The patient header then shows the reminder.", None))
        self.adviceLabel.setText(QCoreApplication.translate("SettingsDialog", u"Self-management ad&vice\n"
"in reports", None))
        self.shippedAdviceButton.setText(QCoreApplication.translate("SettingsDialog", u"Start from the s&hipped advice", None))
        self.adviceNote.setText(QCoreApplication.translate("SettingsDialog", u"One piece of advice per line; blank lines between them are left out. Leave the box empty to print the advice shipped with clinic_desktop (shown in grey).", None))
        self.tabs.setTabText(self.tabs.indexOf(self.reportsTab), QCoreApplication.translate("SettingsDialog", u"R&eports", None))
    # retranslateUi
