# Generated from forms/history_form.ui by forms/compile.py with pyside6-uic: do not edit.
# ruff: noqa
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_HistoryForm(object):
    def setupUi(self, HistoryForm):
        if not HistoryForm.objectName():
            HistoryForm.setObjectName(u"HistoryForm")
        HistoryForm.resize(760, 420)
        self.historyLayout = QVBoxLayout(HistoryForm)
        self.historyLayout.setObjectName(u"historyLayout")
        self.historyLayout.setContentsMargins(0, 0, 0, 0)
        self.historyColumns = QHBoxLayout()
        self.historyColumns.setObjectName(u"historyColumns")
        self.historyColumns.setContentsMargins(0, 0, 0, 0)
        self.painBox = QGroupBox(HistoryForm)
        self.painBox.setObjectName(u"painBox")
        self.painForm = QFormLayout(self.painBox)
        self.painForm.setObjectName(u"painForm")
        self.painForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.painNowEditLabel = QLabel(self.painBox)
        self.painNowEditLabel.setObjectName(u"painNowEditLabel")

        self.painForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.painNowEditLabel)

        self.painNowEdit = QLineEdit(self.painBox)
        self.painNowEdit.setObjectName(u"painNowEdit")

        self.painForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.painNowEdit)

        self.painBestEditLabel = QLabel(self.painBox)
        self.painBestEditLabel.setObjectName(u"painBestEditLabel")

        self.painForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.painBestEditLabel)

        self.painBestEdit = QLineEdit(self.painBox)
        self.painBestEdit.setObjectName(u"painBestEdit")

        self.painForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.painBestEdit)

        self.painWorstEditLabel = QLabel(self.painBox)
        self.painWorstEditLabel.setObjectName(u"painWorstEditLabel")

        self.painForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.painWorstEditLabel)

        self.painWorstEdit = QLineEdit(self.painBox)
        self.painWorstEdit.setObjectName(u"painWorstEdit")

        self.painForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.painWorstEdit)

        self.regionLabel = QLabel(self.painBox)
        self.regionLabel.setObjectName(u"regionLabel")

        self.painForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.regionLabel)

        self.locationAddLayout = QHBoxLayout()
        self.locationAddLayout.setObjectName(u"locationAddLayout")
        self.locationAddLayout.setContentsMargins(0, 0, 0, 0)
        self.regionCombo = QComboBox(self.painBox)
        self.regionCombo.setObjectName(u"regionCombo")

        self.locationAddLayout.addWidget(self.regionCombo)

        self.locationSideCombo = QComboBox(self.painBox)
        self.locationSideCombo.setObjectName(u"locationSideCombo")

        self.locationAddLayout.addWidget(self.locationSideCombo)

        self.addLocationButton = QPushButton(self.painBox)
        self.addLocationButton.setObjectName(u"addLocationButton")
        self.addLocationButton.setAutoDefault(True)

        self.locationAddLayout.addWidget(self.addLocationButton)

        self.locationAddLayout.setStretch(0, 3)
        self.locationAddLayout.setStretch(1, 2)

        self.painForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.locationAddLayout)

        self.locationListLabel = QLabel(self.painBox)
        self.locationListLabel.setObjectName(u"locationListLabel")

        self.painForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.locationListLabel)

        self.locationList = QListWidget(self.painBox)
        self.locationList.setObjectName(u"locationList")
        self.locationList.setMaximumSize(QSize(16777215, 76))
        self.locationList.setTabKeyNavigation(False)

        self.painForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.locationList)

        self.aggravatingEditLabel = QLabel(self.painBox)
        self.aggravatingEditLabel.setObjectName(u"aggravatingEditLabel")

        self.painForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.aggravatingEditLabel)

        self.aggravatingEdit = QPlainTextEdit(self.painBox)
        self.aggravatingEdit.setObjectName(u"aggravatingEdit")
        self.aggravatingEdit.setTabChangesFocus(True)
        self.aggravatingEdit.setMaximumSize(QSize(16777215, 64))

        self.painForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.aggravatingEdit)

        self.easingEditLabel = QLabel(self.painBox)
        self.easingEditLabel.setObjectName(u"easingEditLabel")

        self.painForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.easingEditLabel)

        self.easingEdit = QPlainTextEdit(self.painBox)
        self.easingEdit.setObjectName(u"easingEdit")
        self.easingEdit.setTabChangesFocus(True)
        self.easingEdit.setMaximumSize(QSize(16777215, 64))

        self.painForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.easingEdit)


        self.historyColumns.addWidget(self.painBox)

        self.backgroundBox = QGroupBox(HistoryForm)
        self.backgroundBox.setObjectName(u"backgroundBox")
        self.backgroundForm = QFormLayout(self.backgroundBox)
        self.backgroundForm.setObjectName(u"backgroundForm")
        self.backgroundForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.pattern24hEditLabel = QLabel(self.backgroundBox)
        self.pattern24hEditLabel.setObjectName(u"pattern24hEditLabel")

        self.backgroundForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.pattern24hEditLabel)

        self.pattern24hEdit = QPlainTextEdit(self.backgroundBox)
        self.pattern24hEdit.setObjectName(u"pattern24hEdit")
        self.pattern24hEdit.setTabChangesFocus(True)
        self.pattern24hEdit.setMaximumSize(QSize(16777215, 64))

        self.backgroundForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.pattern24hEdit)

        self.previousInjuriesEditLabel = QLabel(self.backgroundBox)
        self.previousInjuriesEditLabel.setObjectName(u"previousInjuriesEditLabel")

        self.backgroundForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.previousInjuriesEditLabel)

        self.previousInjuriesEdit = QPlainTextEdit(self.backgroundBox)
        self.previousInjuriesEdit.setObjectName(u"previousInjuriesEdit")
        self.previousInjuriesEdit.setTabChangesFocus(True)
        self.previousInjuriesEdit.setMaximumSize(QSize(16777215, 64))

        self.backgroundForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.previousInjuriesEdit)

        self.medicalHistoryEditLabel = QLabel(self.backgroundBox)
        self.medicalHistoryEditLabel.setObjectName(u"medicalHistoryEditLabel")

        self.backgroundForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.medicalHistoryEditLabel)

        self.medicalHistoryEdit = QPlainTextEdit(self.backgroundBox)
        self.medicalHistoryEdit.setObjectName(u"medicalHistoryEdit")
        self.medicalHistoryEdit.setTabChangesFocus(True)
        self.medicalHistoryEdit.setMaximumSize(QSize(16777215, 64))

        self.backgroundForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.medicalHistoryEdit)

        self.medicationsEditLabel = QLabel(self.backgroundBox)
        self.medicationsEditLabel.setObjectName(u"medicationsEditLabel")

        self.backgroundForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.medicationsEditLabel)

        self.medicationsEdit = QPlainTextEdit(self.backgroundBox)
        self.medicationsEdit.setObjectName(u"medicationsEdit")
        self.medicationsEdit.setTabChangesFocus(True)
        self.medicationsEdit.setMaximumSize(QSize(16777215, 64))

        self.backgroundForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.medicationsEdit)

        self.imagingEditLabel = QLabel(self.backgroundBox)
        self.imagingEditLabel.setObjectName(u"imagingEditLabel")

        self.backgroundForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.imagingEditLabel)

        self.imagingEdit = QPlainTextEdit(self.backgroundBox)
        self.imagingEdit.setObjectName(u"imagingEdit")
        self.imagingEdit.setTabChangesFocus(True)
        self.imagingEdit.setMaximumSize(QSize(16777215, 64))

        self.backgroundForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.imagingEdit)


        self.historyColumns.addWidget(self.backgroundBox)


        self.historyLayout.addLayout(self.historyColumns)

        self.historySpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.historyLayout.addItem(self.historySpacer)

#if QT_CONFIG(shortcut)
        self.painNowEditLabel.setBuddy(self.painNowEdit)
        self.painBestEditLabel.setBuddy(self.painBestEdit)
        self.painWorstEditLabel.setBuddy(self.painWorstEdit)
        self.locationListLabel.setBuddy(self.locationList)
        self.aggravatingEditLabel.setBuddy(self.aggravatingEdit)
        self.easingEditLabel.setBuddy(self.easingEdit)
        self.pattern24hEditLabel.setBuddy(self.pattern24hEdit)
        self.previousInjuriesEditLabel.setBuddy(self.previousInjuriesEdit)
        self.medicalHistoryEditLabel.setBuddy(self.medicalHistoryEdit)
        self.medicationsEditLabel.setBuddy(self.medicationsEdit)
        self.imagingEditLabel.setBuddy(self.imagingEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.painNowEdit, self.painBestEdit)
        QWidget.setTabOrder(self.painBestEdit, self.painWorstEdit)
        QWidget.setTabOrder(self.painWorstEdit, self.regionCombo)
        QWidget.setTabOrder(self.regionCombo, self.locationSideCombo)
        QWidget.setTabOrder(self.locationSideCombo, self.addLocationButton)
        QWidget.setTabOrder(self.addLocationButton, self.locationList)
        QWidget.setTabOrder(self.locationList, self.aggravatingEdit)
        QWidget.setTabOrder(self.aggravatingEdit, self.easingEdit)
        QWidget.setTabOrder(self.easingEdit, self.pattern24hEdit)
        QWidget.setTabOrder(self.pattern24hEdit, self.previousInjuriesEdit)
        QWidget.setTabOrder(self.previousInjuriesEdit, self.medicalHistoryEdit)
        QWidget.setTabOrder(self.medicalHistoryEdit, self.medicationsEdit)
        QWidget.setTabOrder(self.medicationsEdit, self.imagingEdit)

        self.retranslateUi(HistoryForm)
    # setupUi

    def retranslateUi(self, HistoryForm):
        self.painBox.setTitle(QCoreApplication.translate("HistoryForm", u"Pain", None))
        self.painNowEditLabel.setText(QCoreApplication.translate("HistoryForm", u"Pain now (0-10)", None))
        self.painBestEditLabel.setText(QCoreApplication.translate("HistoryForm", u"Best (0-10)", None))
        self.painBestEdit.setPlaceholderText(QCoreApplication.translate("HistoryForm", u"Least pain in the last week", None))
        self.painWorstEditLabel.setText(QCoreApplication.translate("HistoryForm", u"Worst (0-10)", None))
        self.painWorstEdit.setPlaceholderText(QCoreApplication.translate("HistoryForm", u"Most pain in the last week", None))
        self.regionLabel.setText(QCoreApplication.translate("HistoryForm", u"Where it hurts", None))
        self.addLocationButton.setText(QCoreApplication.translate("HistoryForm", u"Add", None))
        self.locationListLabel.setText(QCoreApplication.translate("HistoryForm", u"Locations", None))
        self.aggravatingEditLabel.setText(QCoreApplication.translate("HistoryForm", u"Aggravating", None))
        self.aggravatingEdit.setPlaceholderText(QCoreApplication.translate("HistoryForm", u"Activities that bring it on", None))
        self.easingEditLabel.setText(QCoreApplication.translate("HistoryForm", u"Easing", None))
        self.easingEdit.setPlaceholderText(QCoreApplication.translate("HistoryForm", u"What eases it", None))
        self.backgroundBox.setTitle(QCoreApplication.translate("HistoryForm", u"Background", None))
        self.pattern24hEditLabel.setText(QCoreApplication.translate("HistoryForm", u"24-hour pattern", None))
        self.pattern24hEdit.setPlaceholderText(QCoreApplication.translate("HistoryForm", u"Morning stiffness, evening ache, night pain\u2026", None))
        self.previousInjuriesEditLabel.setText(QCoreApplication.translate("HistoryForm", u"Previous injuries", None))
        self.previousInjuriesEdit.setPlaceholderText(QCoreApplication.translate("HistoryForm", u"Earlier running injuries and when", None))
        self.medicalHistoryEditLabel.setText(QCoreApplication.translate("HistoryForm", u"Medical history", None))
        self.medicationsEditLabel.setText(QCoreApplication.translate("HistoryForm", u"Medications", None))
        self.imagingEditLabel.setText(QCoreApplication.translate("HistoryForm", u"Imaging", None))
        self.imagingEdit.setPlaceholderText(QCoreApplication.translate("HistoryForm", u"X-ray, ultrasound, MRI: date and result", None))
        pass
    # retranslateUi
