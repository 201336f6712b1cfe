# Generated from forms/new_patient_dialog.ui by forms/compile.py with pyside6-uic: do not edit.
# ruff: noqa
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_NewPatientDialog(object):
    def setupUi(self, NewPatientDialog):
        if not NewPatientDialog.objectName():
            NewPatientDialog.setObjectName(u"NewPatientDialog")
        NewPatientDialog.resize(480, 380)
        self.mainLayout = QVBoxLayout(NewPatientDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.familyNameLabel = QLabel(NewPatientDialog)
        self.familyNameLabel.setObjectName(u"familyNameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.familyNameLabel)

        self.familyNameEdit = QLineEdit(NewPatientDialog)
        self.familyNameEdit.setObjectName(u"familyNameEdit")
        self.familyNameEdit.setMaxLength(80)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.familyNameEdit)

        self.givenNameLabel = QLabel(NewPatientDialog)
        self.givenNameLabel.setObjectName(u"givenNameLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.givenNameLabel)

        self.givenNameEdit = QLineEdit(NewPatientDialog)
        self.givenNameEdit.setObjectName(u"givenNameEdit")
        self.givenNameEdit.setMaxLength(80)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.givenNameEdit)

        self.preferredNameLabel = QLabel(NewPatientDialog)
        self.preferredNameLabel.setObjectName(u"preferredNameLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.preferredNameLabel)

        self.preferredNameEdit = QLineEdit(NewPatientDialog)
        self.preferredNameEdit.setObjectName(u"preferredNameEdit")
        self.preferredNameEdit.setMaxLength(80)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.preferredNameEdit)

        self.birthDateLabel = QLabel(NewPatientDialog)
        self.birthDateLabel.setObjectName(u"birthDateLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.birthDateLabel)

        self.birthDateEdit = QLineEdit(NewPatientDialog)
        self.birthDateEdit.setObjectName(u"birthDateEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.birthDateEdit)

        self.sexLabel = QLabel(NewPatientDialog)
        self.sexLabel.setObjectName(u"sexLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.sexLabel)

        self.sexCombo = QComboBox(NewPatientDialog)
        self.sexCombo.setObjectName(u"sexCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.sexCombo)

        self.phoneLabel = QLabel(NewPatientDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(NewPatientDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.emailLabel = QLabel(NewPatientDialog)
        self.emailLabel.setObjectName(u"emailLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(NewPatientDialog)
        self.emailEdit.setObjectName(u"emailEdit")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.mrnLabel = QLabel(NewPatientDialog)
        self.mrnLabel.setObjectName(u"mrnLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.mrnLabel)

        self.mrnEdit = QLineEdit(NewPatientDialog)
        self.mrnEdit.setObjectName(u"mrnEdit")
        self.mrnEdit.setMaxLength(20)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.mrnEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.verticalSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(NewPatientDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.familyNameLabel.setBuddy(self.familyNameEdit)
        self.givenNameLabel.setBuddy(self.givenNameEdit)
        self.preferredNameLabel.setBuddy(self.preferredNameEdit)
        self.birthDateLabel.setBuddy(self.birthDateEdit)
        self.sexLabel.setBuddy(self.sexCombo)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.mrnLabel.setBuddy(self.mrnEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.familyNameEdit, self.givenNameEdit)
        QWidget.setTabOrder(self.givenNameEdit, self.preferredNameEdit)
        QWidget.setTabOrder(self.preferredNameEdit, self.birthDateEdit)
        QWidget.setTabOrder(self.birthDateEdit, self.sexCombo)
        QWidget.setTabOrder(self.sexCombo, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.emailEdit)
        QWidget.setTabOrder(self.emailEdit, self.mrnEdit)

        self.retranslateUi(NewPatientDialog)
    # setupUi

    def retranslateUi(self, NewPatientDialog):
        NewPatientDialog.setWindowTitle(QCoreApplication.translate("NewPatientDialog", u"New patient", None))
        self.familyNameLabel.setText(QCoreApplication.translate("NewPatientDialog", u"&Family name", None))
        self.givenNameLabel.setText(QCoreApplication.translate("NewPatientDialog", u"&Given name", None))
        self.preferredNameLabel.setText(QCoreApplication.translate("NewPatientDialog", u"P&referred name", None))
        self.birthDateLabel.setText(QCoreApplication.translate("NewPatientDialog", u"&Date of birth", None))
        self.birthDateEdit.setPlaceholderText(QCoreApplication.translate("NewPatientDialog", u"yyyy-mm-dd", None))
        self.sexLabel.setText(QCoreApplication.translate("NewPatientDialog", u"&Sex", None))
        self.phoneLabel.setText(QCoreApplication.translate("NewPatientDialog", u"&Phone", None))
        self.emailLabel.setText(QCoreApplication.translate("NewPatientDialog", u"&Email", None))
        self.mrnLabel.setText(QCoreApplication.translate("NewPatientDialog", u"&Record number", None))
        self.mrnEdit.setPlaceholderText(QCoreApplication.translate("NewPatientDialog", u"Leave empty for the next number", None))
    # retranslateUi
