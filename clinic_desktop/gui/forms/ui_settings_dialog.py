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
    QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(560, 560)
        self.mainLayout = QVBoxLayout(SettingsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(SettingsDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.clinicNameLabel = QLabel(SettingsDialog)
        self.clinicNameLabel.setObjectName(u"clinicNameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.clinicNameLabel)

        self.clinicNameEdit = QLineEdit(SettingsDialog)
        self.clinicNameEdit.setObjectName(u"clinicNameEdit")
        self.clinicNameEdit.setMaxLength(120)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.clinicNameEdit)

        self.addressLabel = QLabel(SettingsDialog)
        self.addressLabel.setObjectName(u"addressLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QPlainTextEdit(SettingsDialog)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setTabChangesFocus(True)
        self.addressEdit.setMaximumSize(QSize(16777215, 70))

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.phoneLabel = QLabel(SettingsDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(SettingsDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.logoLabel = QLabel(SettingsDialog)
        self.logoLabel.setObjectName(u"logoLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.logoLabel)

        self.logoLayout = QHBoxLayout()
        self.logoLayout.setObjectName(u"logoLayout")
        self.logoPreview = QLabel(SettingsDialog)
        self.logoPreview.setObjectName(u"logoPreview")
        self.logoPreview.setMinimumSize(QSize(120, 48))
        self.logoPreview.setFrameShape(QFrame.StyledPanel)
        self.logoPreview.setAlignment(Qt.AlignCenter)

        self.logoLayout.addWidget(self.logoPreview)

        self.chooseLogoButton = QPushButton(SettingsDialog)
        self.chooseLogoButton.setObjectName(u"chooseLogoButton")

        self.logoLayout.addWidget(self.chooseLogoButton)

        self.removeLogoButton = QPushButton(SettingsDialog)
        self.removeLogoButton.setObjectName(u"removeLogoButton")

        self.logoLayout.addWidget(self.removeLogoButton)

        self.logoSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.logoLayout.addItem(self.logoSpacer)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.logoLayout)

        self.paperSizeLabel = QLabel(SettingsDialog)
        self.paperSizeLabel.setObjectName(u"paperSizeLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.paperSizeLabel)

        self.paperSizeCombo = QComboBox(SettingsDialog)
        self.paperSizeCombo.setObjectName(u"paperSizeCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.paperSizeCombo)

        self.distanceUnitLabel = QLabel(SettingsDialog)
        self.distanceUnitLabel.setObjectName(u"distanceUnitLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.distanceUnitLabel)

        self.distanceUnitCombo = QComboBox(SettingsDialog)
        self.distanceUnitCombo.setObjectName(u"distanceUnitCombo")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.distanceUnitCombo)

        self.forceUnitLabel = QLabel(SettingsDialog)
        self.forceUnitLabel.setObjectName(u"forceUnitLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.forceUnitLabel)

        self.forceUnitCombo = QComboBox(SettingsDialog)
        self.forceUnitCombo.setObjectName(u"forceUnitCombo")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.forceUnitCombo)

        self.dateFormatLabel = QLabel(SettingsDialog)
        self.dateFormatLabel.setObjectName(u"dateFormatLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.dateFormatLabel)

        self.dateFormatCombo = QComboBox(SettingsDialog)
        self.dateFormatCombo.setObjectName(u"dateFormatCombo")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.dateFormatCombo)

        self.mrnPrefixLabel = QLabel(SettingsDialog)
        self.mrnPrefixLabel.setObjectName(u"mrnPrefixLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.mrnPrefixLabel)

        self.mrnPrefixEdit = QLineEdit(SettingsDialog)
        self.mrnPrefixEdit.setObjectName(u"mrnPrefixEdit")
        self.mrnPrefixEdit.setMaxLength(6)

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.mrnPrefixEdit)

        self.lockAfterLabel = QLabel(SettingsDialog)
        self.lockAfterLabel.setObjectName(u"lockAfterLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.lockAfterLabel)

        self.lockAfterSpin = QSpinBox(SettingsDialog)
        self.lockAfterSpin.setObjectName(u"lockAfterSpin")
        self.lockAfterSpin.setMinimum(1)
        self.lockAfterSpin.setMaximum(120)
        self.lockAfterSpin.setValue(10)

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.lockAfterSpin)


        self.mainLayout.addLayout(self.formLayout)

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

        self.retranslateUi(SettingsDialog)
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
    # retranslateUi
