# Generated from forms/episode_form.ui by forms/compile.py with pyside6-uic: do not edit.
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

class Ui_EpisodeForm(object):
    def setupUi(self, EpisodeForm):
        if not EpisodeForm.objectName():
            EpisodeForm.setObjectName(u"EpisodeForm")
        EpisodeForm.resize(760, 400)
        self.episodeLayout = QVBoxLayout(EpisodeForm)
        self.episodeLayout.setObjectName(u"episodeLayout")
        self.episodeLayout.setContentsMargins(0, 0, 0, 0)
        self.episodeHeaderLayout = QHBoxLayout()
        self.episodeHeaderLayout.setObjectName(u"episodeHeaderLayout")
        self.episodeHeaderLayout.setContentsMargins(0, 0, 0, 0)
        self.episodeStateLabel = QLabel(EpisodeForm)
        self.episodeStateLabel.setObjectName(u"episodeStateLabel")
        self.episodeStateLabel.setWordWrap(True)

        self.episodeHeaderLayout.addWidget(self.episodeStateLabel)

        self.newEpisodeButton = QPushButton(EpisodeForm)
        self.newEpisodeButton.setObjectName(u"newEpisodeButton")
        self.newEpisodeButton.setAutoDefault(False)

        self.episodeHeaderLayout.addWidget(self.newEpisodeButton)

        self.episodeHeaderLayout.setStretch(0, 1)

        self.episodeLayout.addLayout(self.episodeHeaderLayout)

        self.episodeColumns = QHBoxLayout()
        self.episodeColumns.setObjectName(u"episodeColumns")
        self.episodeColumns.setContentsMargins(0, 0, 0, 0)
        self.diagnosisBox = QGroupBox(EpisodeForm)
        self.diagnosisBox.setObjectName(u"diagnosisBox")
        self.diagnosisForm = QFormLayout(self.diagnosisBox)
        self.diagnosisForm.setObjectName(u"diagnosisForm")
        self.diagnosisForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.kindComboLabel = QLabel(self.diagnosisBox)
        self.kindComboLabel.setObjectName(u"kindComboLabel")

        self.diagnosisForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindComboLabel)

        self.kindCombo = QComboBox(self.diagnosisBox)
        self.kindCombo.setObjectName(u"kindCombo")

        self.diagnosisForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.diagnosisSearchLabel = QLabel(self.diagnosisBox)
        self.diagnosisSearchLabel.setObjectName(u"diagnosisSearchLabel")

        self.diagnosisForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.diagnosisSearchLabel)

        self.diagnosisFinderLayout = QVBoxLayout()
        self.diagnosisFinderLayout.setObjectName(u"diagnosisFinderLayout")
        self.diagnosisFinderLayout.setContentsMargins(0, 0, 0, 0)
        self.diagnosisSearchEdit = QLineEdit(self.diagnosisBox)
        self.diagnosisSearchEdit.setObjectName(u"diagnosisSearchEdit")

        self.diagnosisFinderLayout.addWidget(self.diagnosisSearchEdit)

        self.diagnosisList = QListWidget(self.diagnosisBox)
        self.diagnosisList.setObjectName(u"diagnosisList")
        self.diagnosisList.setMaximumSize(QSize(16777215, 104))
        self.diagnosisList.setTabKeyNavigation(False)
        self.diagnosisList.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.diagnosisList.setTextElideMode(Qt.ElideRight)

        self.diagnosisFinderLayout.addWidget(self.diagnosisList)


        self.diagnosisForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.diagnosisFinderLayout)

        self.sideComboLabel = QLabel(self.diagnosisBox)
        self.sideComboLabel.setObjectName(u"sideComboLabel")

        self.diagnosisForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.sideComboLabel)

        self.sideCombo = QComboBox(self.diagnosisBox)
        self.sideCombo.setObjectName(u"sideCombo")

        self.diagnosisForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.sideCombo)

        self.seventhComboLabel = QLabel(self.diagnosisBox)
        self.seventhComboLabel.setObjectName(u"seventhComboLabel")

        self.diagnosisForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.seventhComboLabel)

        self.seventhCombo = QComboBox(self.diagnosisBox)
        self.seventhCombo.setObjectName(u"seventhCombo")

        self.diagnosisForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.seventhCombo)

        self.diagnosisLabelEditLabel = QLabel(self.diagnosisBox)
        self.diagnosisLabelEditLabel.setObjectName(u"diagnosisLabelEditLabel")

        self.diagnosisForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.diagnosisLabelEditLabel)

        self.diagnosisLabelEdit = QLineEdit(self.diagnosisBox)
        self.diagnosisLabelEdit.setObjectName(u"diagnosisLabelEdit")

        self.diagnosisForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.diagnosisLabelEdit)

        self.diagnosisCodeEditLabel = QLabel(self.diagnosisBox)
        self.diagnosisCodeEditLabel.setObjectName(u"diagnosisCodeEditLabel")

        self.diagnosisForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.diagnosisCodeEditLabel)

        self.diagnosisCodeEdit = QLineEdit(self.diagnosisBox)
        self.diagnosisCodeEdit.setObjectName(u"diagnosisCodeEdit")

        self.diagnosisForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.diagnosisCodeEdit)

        self.codeNoteLabel = QLabel(self.diagnosisBox)
        self.codeNoteLabel.setObjectName(u"codeNoteLabel")
        self.codeNoteLabel.setWordWrap(True)

        self.diagnosisForm.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.codeNoteLabel)


        self.episodeColumns.addWidget(self.diagnosisBox)

        self.courseBox = QGroupBox(EpisodeForm)
        self.courseBox.setObjectName(u"courseBox")
        self.courseForm = QFormLayout(self.courseBox)
        self.courseForm.setObjectName(u"courseForm")
        self.courseForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.onsetDateEditLabel = QLabel(self.courseBox)
        self.onsetDateEditLabel.setObjectName(u"onsetDateEditLabel")

        self.courseForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.onsetDateEditLabel)

        self.onsetDateEdit = QLineEdit(self.courseBox)
        self.onsetDateEdit.setObjectName(u"onsetDateEdit")

        self.courseForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.onsetDateEdit)

        self.onsetTypeComboLabel = QLabel(self.courseBox)
        self.onsetTypeComboLabel.setObjectName(u"onsetTypeComboLabel")

        self.courseForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.onsetTypeComboLabel)

        self.onsetTypeCombo = QComboBox(self.courseBox)
        self.onsetTypeCombo.setObjectName(u"onsetTypeCombo")

        self.courseForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.onsetTypeCombo)

        self.mechanismEditLabel = QLabel(self.courseBox)
        self.mechanismEditLabel.setObjectName(u"mechanismEditLabel")

        self.courseForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.mechanismEditLabel)

        self.mechanismEdit = QPlainTextEdit(self.courseBox)
        self.mechanismEdit.setObjectName(u"mechanismEdit")
        self.mechanismEdit.setTabChangesFocus(True)
        self.mechanismEdit.setMaximumSize(QSize(16777215, 80))

        self.courseForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.mechanismEdit)

        self.referralEditLabel = QLabel(self.courseBox)
        self.referralEditLabel.setObjectName(u"referralEditLabel")

        self.courseForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.referralEditLabel)

        self.referralEdit = QLineEdit(self.courseBox)
        self.referralEdit.setObjectName(u"referralEdit")

        self.courseForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.referralEdit)

        self.startedOnEditLabel = QLabel(self.courseBox)
        self.startedOnEditLabel.setObjectName(u"startedOnEditLabel")

        self.courseForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.startedOnEditLabel)

        self.startedOnEdit = QLineEdit(self.courseBox)
        self.startedOnEdit.setObjectName(u"startedOnEdit")

        self.courseForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.startedOnEdit)

        self.statusComboLabel = QLabel(self.courseBox)
        self.statusComboLabel.setObjectName(u"statusComboLabel")

        self.courseForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.statusComboLabel)

        self.statusCombo = QComboBox(self.courseBox)
        self.statusCombo.setObjectName(u"statusCombo")

        self.courseForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.statusCombo)


        self.episodeColumns.addWidget(self.courseBox)


        self.episodeLayout.addLayout(self.episodeColumns)

        self.episodeSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.episodeLayout.addItem(self.episodeSpacer)

#if QT_CONFIG(shortcut)
        self.kindComboLabel.setBuddy(self.kindCombo)
        self.sideComboLabel.setBuddy(self.sideCombo)
        self.seventhComboLabel.setBuddy(self.seventhCombo)
        self.diagnosisLabelEditLabel.setBuddy(self.diagnosisLabelEdit)
        self.diagnosisCodeEditLabel.setBuddy(self.diagnosisCodeEdit)
        self.onsetDateEditLabel.setBuddy(self.onsetDateEdit)
        self.onsetTypeComboLabel.setBuddy(self.onsetTypeCombo)
        self.mechanismEditLabel.setBuddy(self.mechanismEdit)
        self.referralEditLabel.setBuddy(self.referralEdit)
        self.startedOnEditLabel.setBuddy(self.startedOnEdit)
        self.statusComboLabel.setBuddy(self.statusCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kindCombo, self.diagnosisSearchEdit)
        QWidget.setTabOrder(self.diagnosisSearchEdit, self.diagnosisList)
        QWidget.setTabOrder(self.diagnosisList, self.sideCombo)
        QWidget.setTabOrder(self.sideCombo, self.seventhCombo)
        QWidget.setTabOrder(self.seventhCombo, self.diagnosisLabelEdit)
        QWidget.setTabOrder(self.diagnosisLabelEdit, self.diagnosisCodeEdit)
        QWidget.setTabOrder(self.diagnosisCodeEdit, self.onsetDateEdit)
        QWidget.setTabOrder(self.onsetDateEdit, self.onsetTypeCombo)
        QWidget.setTabOrder(self.onsetTypeCombo, self.mechanismEdit)
        QWidget.setTabOrder(self.mechanismEdit, self.referralEdit)
        QWidget.setTabOrder(self.referralEdit, self.startedOnEdit)
        QWidget.setTabOrder(self.startedOnEdit, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.newEpisodeButton)

        self.retranslateUi(EpisodeForm)
    # setupUi

    def retranslateUi(self, EpisodeForm):
        self.newEpisodeButton.setText(QCoreApplication.translate("EpisodeForm", u"New episode\u2026", None))
        self.diagnosisBox.setTitle(QCoreApplication.translate("EpisodeForm", u"Diagnosis", None))
        self.kindComboLabel.setText(QCoreApplication.translate("EpisodeForm", u"Kind of care", None))
        self.diagnosisSearchLabel.setText(QCoreApplication.translate("EpisodeForm", u"Find diagnosis", None))
        self.diagnosisSearchEdit.setPlaceholderText(QCoreApplication.translate("EpisodeForm", u"Type a name or a code (e.g. achil, M76), Down to choose", None))
        self.sideComboLabel.setText(QCoreApplication.translate("EpisodeForm", u"Side", None))
        self.seventhComboLabel.setText(QCoreApplication.translate("EpisodeForm", u"7th character", None))
        self.diagnosisLabelEditLabel.setText(QCoreApplication.translate("EpisodeForm", u"Diagnosis", None))
        self.diagnosisLabelEdit.setPlaceholderText(QCoreApplication.translate("EpisodeForm", u"Chosen above, or written here", None))
        self.diagnosisCodeEditLabel.setText(QCoreApplication.translate("EpisodeForm", u"ICD-10 code", None))
        self.diagnosisCodeEdit.setPlaceholderText(QCoreApplication.translate("EpisodeForm", u"From the side, or typed by hand", None))
        self.courseBox.setTitle(QCoreApplication.translate("EpisodeForm", u"Onset and referral", None))
        self.onsetDateEditLabel.setText(QCoreApplication.translate("EpisodeForm", u"Onset date", None))
        self.onsetTypeComboLabel.setText(QCoreApplication.translate("EpisodeForm", u"Onset", None))
        self.mechanismEditLabel.setText(QCoreApplication.translate("EpisodeForm", u"Mechanism", None))
        self.mechanismEdit.setPlaceholderText(QCoreApplication.translate("EpisodeForm", u"What changed before it started?", None))
        self.referralEditLabel.setText(QCoreApplication.translate("EpisodeForm", u"Referral", None))
        self.referralEdit.setPlaceholderText(QCoreApplication.translate("EpisodeForm", u"Who referred, and why", None))
        self.startedOnEditLabel.setText(QCoreApplication.translate("EpisodeForm", u"Care started", None))
        self.startedOnEdit.setPlaceholderText(QCoreApplication.translate("EpisodeForm", u"Empty: today", None))
        self.statusComboLabel.setText(QCoreApplication.translate("EpisodeForm", u"Status", None))
        pass
    # retranslateUi
