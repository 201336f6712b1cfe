# Generated from forms/patient_form.ui by forms/compile.py with pyside6-uic: do not edit.
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

class Ui_PatientForm(object):
    def setupUi(self, PatientForm):
        if not PatientForm.objectName():
            PatientForm.setObjectName(u"PatientForm")
        PatientForm.resize(760, 360)
        self.patientLayout = QVBoxLayout(PatientForm)
        self.patientLayout.setObjectName(u"patientLayout")
        self.patientLayout.setContentsMargins(0, 0, 0, 0)
        self.columnsLayout = QHBoxLayout()
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.columnsLayout.setContentsMargins(0, 0, 0, 0)
        self.identityBox = QGroupBox(PatientForm)
        self.identityBox.setObjectName(u"identityBox")
        self.identityForm = QFormLayout(self.identityBox)
        self.identityForm.setObjectName(u"identityForm")
        self.identityForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.familyNameEditLabel = QLabel(self.identityBox)
        self.familyNameEditLabel.setObjectName(u"familyNameEditLabel")

        self.identityForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.familyNameEditLabel)

        self.familyNameEdit = QLineEdit(self.identityBox)
        self.familyNameEdit.setObjectName(u"familyNameEdit")

        self.identityForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.familyNameEdit)

        self.givenNameEditLabel = QLabel(self.identityBox)
        self.givenNameEditLabel.setObjectName(u"givenNameEditLabel")

        self.identityForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.givenNameEditLabel)

        self.givenNameEdit = QLineEdit(self.identityBox)
        self.givenNameEdit.setObjectName(u"givenNameEdit")

        self.identityForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.givenNameEdit)

        self.preferredNameEditLabel = QLabel(self.identityBox)
        self.preferredNameEditLabel.setObjectName(u"preferredNameEditLabel")

        self.identityForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.preferredNameEditLabel)

        self.preferredNameEdit = QLineEdit(self.identityBox)
        self.preferredNameEdit.setObjectName(u"preferredNameEdit")

        self.identityForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.preferredNameEdit)

        self.birthDateEditLabel = QLabel(self.identityBox)
        self.birthDateEditLabel.setObjectName(u"birthDateEditLabel")

        self.identityForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.birthDateEditLabel)

        self.birthDateEdit = QLineEdit(self.identityBox)
        self.birthDateEdit.setObjectName(u"birthDateEdit")

        self.identityForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.birthDateEdit)

        self.sexComboLabel = QLabel(self.identityBox)
        self.sexComboLabel.setObjectName(u"sexComboLabel")

        self.identityForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.sexComboLabel)

        self.sexCombo = QComboBox(self.identityBox)
        self.sexCombo.setObjectName(u"sexCombo")

        self.identityForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.sexCombo)

        self.weightEditLabel = QLabel(self.identityBox)
        self.weightEditLabel.setObjectName(u"weightEditLabel")

        self.identityForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.weightEditLabel)

        self.weightEdit = QLineEdit(self.identityBox)
        self.weightEdit.setObjectName(u"weightEdit")

        self.identityForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.weightEdit)

        self.heightEditLabel = QLabel(self.identityBox)
        self.heightEditLabel.setObjectName(u"heightEditLabel")

        self.identityForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.heightEditLabel)

        self.heightEdit = QLineEdit(self.identityBox)
        self.heightEdit.setObjectName(u"heightEdit")

        self.identityForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.heightEdit)

        self.mrnEditLabel = QLabel(self.identityBox)
        self.mrnEditLabel.setObjectName(u"mrnEditLabel")

        self.identityForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.mrnEditLabel)

        self.mrnEdit = QLineEdit(self.identityBox)
        self.mrnEdit.setObjectName(u"mrnEdit")

        self.identityForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.mrnEdit)


        self.columnsLayout.addWidget(self.identityBox)

        self.contactBox = QGroupBox(PatientForm)
        self.contactBox.setObjectName(u"contactBox")
        self.contactForm = QFormLayout(self.contactBox)
        self.contactForm.setObjectName(u"contactForm")
        self.contactForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.phoneEditLabel = QLabel(self.contactBox)
        self.phoneEditLabel.setObjectName(u"phoneEditLabel")

        self.contactForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.phoneEditLabel)

        self.phoneEdit = QLineEdit(self.contactBox)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.contactForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.emailEditLabel = QLabel(self.contactBox)
        self.emailEditLabel.setObjectName(u"emailEditLabel")

        self.contactForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.emailEditLabel)

        self.emailEdit = QLineEdit(self.contactBox)
        self.emailEdit.setObjectName(u"emailEdit")

        self.contactForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.addressEditLabel = QLabel(self.contactBox)
        self.addressEditLabel.setObjectName(u"addressEditLabel")

        self.contactForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.addressEditLabel)

        self.addressEdit = QPlainTextEdit(self.contactBox)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setTabChangesFocus(True)
        self.addressEdit.setMaximumSize(QSize(16777215, 64))

        self.contactForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.emergencyContactEditLabel = QLabel(self.contactBox)
        self.emergencyContactEditLabel.setObjectName(u"emergencyContactEditLabel")

        self.contactForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.emergencyContactEditLabel)

        self.emergencyContactEdit = QLineEdit(self.contactBox)
        self.emergencyContactEdit.setObjectName(u"emergencyContactEdit")

        self.contactForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.emergencyContactEdit)

        self.referringProviderEditLabel = QLabel(self.contactBox)
        self.referringProviderEditLabel.setObjectName(u"referringProviderEditLabel")

        self.contactForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.referringProviderEditLabel)

        self.referringProviderEdit = QLineEdit(self.contactBox)
        self.referringProviderEdit.setObjectName(u"referringProviderEdit")

        self.contactForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.referringProviderEdit)

        self.notesEditLabel = QLabel(self.contactBox)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.contactForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.notesEditLabel)

        self.notesEdit = QPlainTextEdit(self.contactBox)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMaximumSize(QSize(16777215, 80))

        self.contactForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.columnsLayout.addWidget(self.contactBox)


        self.patientLayout.addLayout(self.columnsLayout)

        self.patientSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.patientLayout.addItem(self.patientSpacer)

#if QT_CONFIG(shortcut)
        self.familyNameEditLabel.setBuddy(self.familyNameEdit)
        self.givenNameEditLabel.setBuddy(self.givenNameEdit)
        self.preferredNameEditLabel.setBuddy(self.preferredNameEdit)
        self.birthDateEditLabel.setBuddy(self.birthDateEdit)
        self.sexComboLabel.setBuddy(self.sexCombo)
        self.weightEditLabel.setBuddy(self.weightEdit)
        self.heightEditLabel.setBuddy(self.heightEdit)
        self.mrnEditLabel.setBuddy(self.mrnEdit)
        self.phoneEditLabel.setBuddy(self.phoneEdit)
        self.emailEditLabel.setBuddy(self.emailEdit)
        self.addressEditLabel.setBuddy(self.addressEdit)
        self.emergencyContactEditLabel.setBuddy(self.emergencyContactEdit)
        self.referringProviderEditLabel.setBuddy(self.referringProviderEdit)
        self.notesEditLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.familyNameEdit, self.givenNameEdit)
        QWidget.setTabOrder(self.givenNameEdit, self.preferredNameEdit)
        QWidget.setTabOrder(self.preferredNameEdit, self.birthDateEdit)
        QWidget.setTabOrder(self.birthDateEdit, self.sexCombo)
        QWidget.setTabOrder(self.sexCombo, self.weightEdit)
        QWidget.setTabOrder(self.weightEdit, self.heightEdit)
        QWidget.setTabOrder(self.heightEdit, self.mrnEdit)
        QWidget.setTabOrder(self.mrnEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.emailEdit)
        QWidget.setTabOrder(self.emailEdit, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.emergencyContactEdit)
        QWidget.setTabOrder(self.emergencyContactEdit, self.referringProviderEdit)
        QWidget.setTabOrder(self.referringProviderEdit, self.notesEdit)

        self.retranslateUi(PatientForm)
    # setupUi

    def retranslateUi(self, PatientForm):
        self.identityBox.setTitle(QCoreApplication.translate("PatientForm", u"Patient", None))
        self.familyNameEditLabel.setText(QCoreApplication.translate("PatientForm", u"Family name", None))
        self.givenNameEditLabel.setText(QCoreApplication.translate("PatientForm", u"Given name", None))
        self.preferredNameEditLabel.setText(QCoreApplication.translate("PatientForm", u"Preferred name", None))
        self.preferredNameEdit.setPlaceholderText(QCoreApplication.translate("PatientForm", u"What the runner likes to be called", None))
        self.birthDateEditLabel.setText(QCoreApplication.translate("PatientForm", u"Date of birth", None))
        self.sexComboLabel.setText(QCoreApplication.translate("PatientForm", u"Sex", None))
        self.weightEditLabel.setText(QCoreApplication.translate("PatientForm", u"Weight (kg)", None))
        self.weightEdit.setPlaceholderText(QCoreApplication.translate("PatientForm", u"e.g. 68.5", None))
        self.heightEditLabel.setText(QCoreApplication.translate("PatientForm", u"Height (cm)", None))
        self.heightEdit.setPlaceholderText(QCoreApplication.translate("PatientForm", u"e.g. 172", None))
        self.mrnEditLabel.setText(QCoreApplication.translate("PatientForm", u"Record number", None))
        self.mrnEdit.setPlaceholderText(QCoreApplication.translate("PatientForm", u"Empty: the next number", None))
        self.contactBox.setTitle(QCoreApplication.translate("PatientForm", u"Contact and referral", None))
        self.phoneEditLabel.setText(QCoreApplication.translate("PatientForm", u"Phone", None))
        self.emailEditLabel.setText(QCoreApplication.translate("PatientForm", u"Email", None))
        self.addressEditLabel.setText(QCoreApplication.translate("PatientForm", u"Address", None))
        self.emergencyContactEditLabel.setText(QCoreApplication.translate("PatientForm", u"Emergency contact", None))
        self.emergencyContactEdit.setPlaceholderText(QCoreApplication.translate("PatientForm", u"Name and phone", None))
        self.referringProviderEditLabel.setText(QCoreApplication.translate("PatientForm", u"Referred by", None))
        self.referringProviderEdit.setPlaceholderText(QCoreApplication.translate("PatientForm", u"Doctor, clinic, or self-referred", None))
        self.notesEditLabel.setText(QCoreApplication.translate("PatientForm", u"Notes", None))
        pass
    # retranslateUi
