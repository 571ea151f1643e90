<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Access</name>
    <message>
        <source>Read only: your role lets you view and print, not change.</source>
        <translation>Только просмотр: ваша роль позволяет смотреть и печатать, но не изменять.</translation>
    </message>
    <message>
        <source>Read only: another employee is responsible for this record.</source>
        <translation>Только просмотр: за эту запись отвечает другой сотрудник.</translation>
    </message>
    <message>
        <source>Only the owner changes this.</source>
        <translation>Изменить это может только владелец.</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Владелец</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Менеджер</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>Наблюдатель</translation>
    </message>
    <message>
        <source>see this record</source>
        <translation>просматривать эту запись</translation>
    </message>
    <message>
        <source>create records</source>
        <translation>создавать записи</translation>
    </message>
    <message>
        <source>change this record</source>
        <translation>изменять эту запись</translation>
    </message>
    <message>
        <source>delete this record</source>
        <translation>удалять эту запись</translation>
    </message>
    <message>
        <source>manage employees</source>
        <translation>управлять сотрудниками</translation>
    </message>
    <message>
        <source>change the settings</source>
        <translation>менять настройки</translation>
    </message>
    <message>
        <source>change the funnel stages</source>
        <translation>менять этапы воронки</translation>
    </message>
    <message>
        <source>change the client fields</source>
        <translation>менять поля клиента</translation>
    </message>
    <message>
        <source>change the automation rules</source>
        <translation>менять правила автоматизации</translation>
    </message>
    <message>
        <source>import data</source>
        <translation>импортировать данные</translation>
    </message>
    <message>
        <source>export data</source>
        <translation>экспортировать данные</translation>
    </message>
    <message>
        <source>print</source>
        <translation>печатать</translation>
    </message>
    <message>
        <source>make a backup</source>
        <translation>делать резервную копию</translation>
    </message>
    <message>
        <source>restore a backup</source>
        <translation>восстановить резервную копию</translation>
    </message>
    <message>
        <source>empty the trash</source>
        <translation>очищать корзину</translation>
    </message>
    <message>
        <source>open this client</source>
        <translation>открыть этого клиента</translation>
    </message>
    <message>
        <source>change this client</source>
        <translation>изменить этого клиента</translation>
    </message>
    <message>
        <source>delete this client</source>
        <translation>удалить этого клиента</translation>
    </message>
    <message>
        <source>open this deal</source>
        <translation>открыть эту сделку</translation>
    </message>
    <message>
        <source>change this deal</source>
        <translation>изменить эту сделку</translation>
    </message>
    <message>
        <source>delete this deal</source>
        <translation>удалить эту сделку</translation>
    </message>
    <message>
        <source>open this activity</source>
        <translation>открыть это дело</translation>
    </message>
    <message>
        <source>change this activity</source>
        <translation>изменить это дело</translation>
    </message>
    <message>
        <source>delete this activity</source>
        <translation>удалить это дело</translation>
    </message>
    <message>
        <source>open this contact person</source>
        <translation>открыть это контактное лицо</translation>
    </message>
    <message>
        <source>change this contact person</source>
        <translation>изменить это контактное лицо</translation>
    </message>
    <message>
        <source>delete this contact person</source>
        <translation>удалить это контактное лицо</translation>
    </message>
</context>
<context>
    <name>AccessSettings</name>
    <message>
        <source>Access</source>
        <translation>Доступ</translation>
    </message>
    <message>
        <source>Managers may read the clients, deals and activities of other managers</source>
        <translation>Менеджеры видят клиентов, сделки и дела других менеджеров</translation>
    </message>
    <message>
        <source>They still change only their own. The owner sees everything; a viewer reads everything and changes nothing.</source>
        <translation>Изменять они по-прежнему могут только свои. Владелец видит всё; наблюдатель видит всё, но ничего не меняет.</translation>
    </message>
</context>
<context>
    <name>ActivitiesModel</name>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
</context>
<context>
    <name>ActivitiesPage</name>
    <message>
        <source>From</source>
        <translation>Период с</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Период по</translation>
    </message>
    <message>
        <source>Client name</source>
        <translation>Имя клиента</translation>
    </message>
    <message>
        <source>Complete…</source>
        <translation>Выполнить…</translation>
    </message>
    <message>
        <source>Mark the selected planned activity done and write down the result</source>
        <translation>Отметить выбранное запланированное дело выполненным и записать результат</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Дела</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Тип:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <source>Responsible:</source>
        <translation>Ответственный:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Статус:</translation>
    </message>
    <message>
        <source>Segment:</source>
        <translation>Сегмент:</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Все типы</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Всё время</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Эта неделя</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Любой статус</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Запланированы</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнены</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просрочены</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>Activities: {}</source>
        <translation>Дел: {}</translation>
    </message>
</context>
<context>
    <name>ActivityActions</name>
    <message>
        <source>Call {}</source>
        <translation>Звонок на {}</translation>
    </message>
    <message>
        <source>E-mail to {}</source>
        <translation>Письмо на {}</translation>
    </message>
    <message>
        <source>Write what was done or said</source>
        <translation>Запишите, что сделано или сказано</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Edit activity</source>
        <translation>Изменить дело</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>Новое дело</translation>
    </message>
    <message>
        <source>What to do: call about the contract, meet at the office…</source>
        <translation>Что сделать: позвонить по договору, встретиться в офисе…</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>не задано</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(никто)</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>Без напоминания</translation>
    </message>
    <message>
        <source>5 minutes before</source>
        <translation>За 5 минут</translation>
    </message>
    <message>
        <source>15 minutes before</source>
        <translation>За 15 минут</translation>
    </message>
    <message>
        <source>1 hour before</source>
        <translation>За 1 час</translation>
    </message>
    <message>
        <source>1 day before</source>
        <translation>За 1 день</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Тип:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Тема:</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Клиент:</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Когда:</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>Responsible:</source>
        <translation>Ответственный:</translation>
    </message>
    <message>
        <source>Reminder:</source>
        <translation>Напоминание:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Повтор:</translation>
    </message>
    <message>
        <source>{minutes} min before (as set)</source>
        <translation>За {minutes} мин (как было)</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>(no subject)</source>
        <translation>(без темы)</translation>
    </message>
</context>
<context>
    <name>AgendaPanel</name>
    <message>
        <source>Nothing planned for this day.</source>
        <translation>На этот день ничего не запланировано.</translation>
    </message>
    <message>
        <source>Activities of the day</source>
        <translation>Дела на день</translation>
    </message>
    <message>
        <source>Plan for this day…</source>
        <translation>Запланировать на этот день…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Mark done…</source>
        <translation>Выполнить…</translation>
    </message>
    <message>
        <source>Open client card</source>
        <translation>Открыть карточку клиента</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Kartoteka cannot start</source>
        <translation>Картотеку не удалось запустить</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Восстановить из копии</translation>
    </message>
</context>
<context>
    <name>ApplyPage</name>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>The rows are written in one go: if the import is stopped, nothing is written.</source>
        <translation>Строки записываются разом: если остановить импорт, ничего не будет записано.</translation>
    </message>
    <message>
        <source>Stop the import</source>
        <translation>Остановить импорт</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Save the skipped and warning rows as xlsx…</source>
        <translation>Сохранить пропущенные строки и строки с предупреждениями в xlsx…</translation>
    </message>
    <message>
        <source>Changed your mind? The import can be undone from File ▸ Import history.</source>
        <translation>Передумали? Импорт можно отменить: Файл ▸ История импорта.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Импорт завершён</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; client(s) created</source>
        <translation>
            <numerusform>Создан &lt;b&gt;%n&lt;/b&gt; клиент</numerusform>
            <numerusform>Создано &lt;b&gt;%n&lt;/b&gt; клиента</numerusform>
            <numerusform>Создано &lt;b&gt;%n&lt;/b&gt; клиентов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; row(s) merged into existing clients</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; строка объединена с имеющимися клиентами</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; строки объединены с имеющимися клиентами</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; строк объединено с имеющимися клиентами</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; row(s) skipped</source>
        <translation>
            <numerusform>Пропущена &lt;b&gt;%n&lt;/b&gt; строка</numerusform>
            <numerusform>Пропущено &lt;b&gt;%n&lt;/b&gt; строки</numerusform>
            <numerusform>Пропущено &lt;b&gt;%n&lt;/b&gt; строк</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; warning(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; предупреждение</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; предупреждения</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; предупреждений</numerusform>
        </translation>
    </message>
    <message>
        <source>The import was stopped. Nothing was imported.</source>
        <translation>Импорт остановлен. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>The card index is exactly as it was before. You can try again or close the window.</source>
        <translation>Картотека осталась в прежнем виде. Можно повторить попытку или закрыть окно.</translation>
    </message>
    <message>
        <source>The import failed. Nothing was imported.</source>
        <translation>Импорт не удался. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Остановка…</translation>
    </message>
    <message>
        <source>%1 - problems.xlsx</source>
        <translation>%1 - проблемы.xlsx</translation>
    </message>
    <message>
        <source>Save the rows that need attention</source>
        <translation>Сохранить строки, требующие внимания</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) saved to %1</source>
        <translation>
            <numerusform>%n строка сохранена в %1</numerusform>
            <numerusform>%n строки сохранены в %1</numerusform>
            <numerusform>%n строк сохранено в %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>{n} B</source>
        <translation>{n} Б</translation>
    </message>
    <message>
        <source>{n} KB</source>
        <translation>{n} КБ</translation>
    </message>
    <message>
        <source>{n} MB</source>
        <translation>{n} МБ</translation>
    </message>
</context>
<context>
    <name>AttachmentsModel</name>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Добавлен</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Сделка</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <source>Attach files (or drop them onto the card)</source>
        <translation>Прикрепить файлы (или перетащите их на карточку)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Сохранить как…</translation>
    </message>
    <message>
        <source>E-mail…</source>
        <translation>Отправить…</translation>
    </message>
    <message>
        <source>Send the selected files with your mail program</source>
        <translation>Отправить выбранные файлы через почтовую программу</translation>
    </message>
    <message>
        <source>Delete the selected files (Del; Ctrl+Z brings them back)</source>
        <translation>Удалить выбранные файлы (Del; Ctrl+Z вернёт их)</translation>
    </message>
    <message>
        <source>Save the card first: files are attached to a saved card.</source>
        <translation>Сначала сохраните карточку: файлы прикрепляются к сохранённой карточке.</translation>
    </message>
    <message>
        <source>No files yet. Drop files here or anywhere on the card, or press Add…</source>
        <translation>Файлов пока нет. Перетащите файлы сюда или в любое место карточки либо нажмите «Добавить…»</translation>
    </message>
    <message>
        <source>Drop files here or anywhere on the card to attach them.</source>
        <translation>Перетащите файлы сюда или в любое место карточки, чтобы прикрепить их.</translation>
    </message>
    <message>
        <source>Save the card first, then add the files again.</source>
        <translation>Сначала сохраните карточку, затем добавьте файлы ещё раз.</translation>
    </message>
    <message>
        <source>Adding files…</source>
        <translation>Добавление файлов…</translation>
    </message>
    <message>
        <source>Added: {n}.</source>
        <translation>Добавлено: {n}.</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Прикрепить файлы</translation>
    </message>
    <message>
        <source>No program on this computer opens {name}. Use Save as… instead.</source>
        <translation>На этом компьютере нет программы, которая открывает {name}. Воспользуйтесь кнопкой «Сохранить как…».</translation>
    </message>
    <message>
        <source>Save a copy of the file</source>
        <translation>Сохранить копию файла</translation>
    </message>
    <message>
        <source>Save copies of the files into</source>
        <translation>Сохранить копии файлов в папку</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
    <message>
        <source>Delete files</source>
        <translation>Удаление файлов</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>Deleted. Ctrl+Z brings the files back.</source>
        <translation>Удалено. Ctrl+Z вернёт файлы.</translation>
    </message>
</context>
<context>
    <name>AutomationEditor</name>
    <message>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Rules plan a task for the deal&apos;s responsible or move the deal by themselves. A change applies to the next move of a deal; clear the tick to pause a rule.</source>
        <translation>Правила сами ставят задачу ответственному за сделку или переводят сделку дальше. Изменение действует со следующего перемещения сделки; снимите галочку, чтобы приостановить правило.</translation>
    </message>
    <message>
        <source>Automation rules</source>
        <translation>Правила автоматизации</translation>
    </message>
    <message>
        <source>Add automation rule</source>
        <translation>Добавление правила автоматизации</translation>
    </message>
    <message>
        <source>New automation rule</source>
        <translation>Новое правило автоматизации</translation>
    </message>
    <message>
        <source>Change automation rule</source>
        <translation>Изменение правила автоматизации</translation>
    </message>
    <message>
        <source>Automation rule</source>
        <translation>Правило автоматизации</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>Удалить правило</translation>
    </message>
    <message>
        <source>Delete this rule?

{rule}</source>
        <translation>Удалить это правило?

{rule}</translation>
    </message>
    <message>
        <source>Delete automation rule</source>
        <translation>Удаление правила автоматизации</translation>
    </message>
    <message>
        <source>Switch automation rule on</source>
        <translation>Включение правила автоматизации</translation>
    </message>
    <message>
        <source>Switch automation rule off</source>
        <translation>Выключение правила автоматизации</translation>
    </message>
</context>
<context>
    <name>BackupController</name>
    <message>
        <source>Last backup: {when}</source>
        <translation>Последняя копия: {when}</translation>
    </message>
    <message numerus="yes">
        <source>No backup for %n day</source>
        <translation>
            <numerusform>Нет копии %n день</numerusform>
            <numerusform>Нет копии %n дня</numerusform>
            <numerusform>Нет копии %n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No backup for %n days</source>
        <translation>
            <numerusform>Нет копии %n день</numerusform>
            <numerusform>Нет копии %n дня</numerusform>
            <numerusform>Нет копии %n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>Click to back up now into {folder}</source>
        <translation>Нажмите, чтобы сделать копию сейчас в {folder}</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>Копий ещё нет</translation>
    </message>
    <message>
        <source>Backup folder not reachable: {folder}</source>
        <translation>Папка копий недоступна: {folder}</translation>
    </message>
    <message>
        <source>Connect the drive, or click to choose another folder</source>
        <translation>Подключите диск или нажмите, чтобы выбрать другую папку</translation>
    </message>
    <message>
        <source>today {time}</source>
        <translation>сегодня {time}</translation>
    </message>
    <message>
        <source>yesterday {time}</source>
        <translation>вчера {time}</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Создаётся копия…</translation>
    </message>
    <message>
        <source>Saving a backup…</source>
        <translation>Сохраняется резервная копия…</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Пропустить</translation>
    </message>
    <message>
        <source>Kartoteka</source>
        <translation>Картотека</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Резервная копия</translation>
    </message>
    <message>
        <source>The backup on closing failed: {reason}

Kartoteka closes anyway; everything you entered is kept in the database.</source>
        <translation>Не удалось сделать копию при закрытии: {reason}

Картотека всё равно закроется; всё введённое сохранено в базе.</translation>
    </message>
</context>
<context>
    <name>BackupSettings</name>
    <message>
        <source>Backups</source>
        <translation>Резервные копии</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Папка резервных копий</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Back up automatically: every day and when Kartoteka closes</source>
        <translation>Делать копии автоматически: каждый день и при закрытии</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> ч</translation>
    </message>
    <message>
        <source>Daily backups to keep</source>
        <translation>Сколько хранить ежедневных копий</translation>
    </message>
    <message>
        <source>Weekly backups to keep</source>
        <translation>Сколько хранить еженедельных копий</translation>
    </message>
    <message>
        <source>Monthly backups to keep</source>
        <translation>Сколько хранить ежемесячных копий</translation>
    </message>
    <message>
        <source>daily,</source>
        <translation>ежедневных,</translation>
    </message>
    <message>
        <source>weekly,</source>
        <translation>еженедельных,</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>ежемесячных</translation>
    </message>
    <message>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source>These settings belong to this computer. Older automatic backups are deleted, keeping the newest of each day, week and month.</source>
        <translation>Эти настройки относятся к этому компьютеру. Старые автоматические копии удаляются, остаётся самая новая за каждый день, неделю и месяц.</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Папка:</translation>
    </message>
    <message>
        <source>Back up every:</source>
        <translation>Копия каждые:</translation>
    </message>
    <message>
        <source>Keep:</source>
        <translation>Хранить:</translation>
    </message>
    <message>
        <source>Warn after:</source>
        <translation>Предупредить через:</translation>
    </message>
    <message>
        <source>Folder for the backups</source>
        <translation>Папка для резервных копий</translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message>
        <source>Responsible…</source>
        <translation>Ответственный…</translation>
    </message>
    <message>
        <source>Set the responsible employee of the selected clients</source>
        <translation>Назначить ответственного выбранным клиентам</translation>
    </message>
    <message>
        <source>Add tag…</source>
        <translation>Добавить метку…</translation>
    </message>
    <message>
        <source>Add a tag to the selected clients</source>
        <translation>Добавить метку выбранным клиентам</translation>
    </message>
    <message>
        <source>Status…</source>
        <translation>Статус…</translation>
    </message>
    <message>
        <source>Change the status of the selected clients</source>
        <translation>Изменить статус выбранных клиентов</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>В корзину</translation>
    </message>
    <message>
        <source>Move the selected clients to the trash (Delete)</source>
        <translation>Переместить выбранных клиентов в корзину (Delete)</translation>
    </message>
    <message>
        <source>Set responsible</source>
        <translation>Назначить ответственного</translation>
    </message>
    <message numerus="yes">
        <source>Responsible changed for %n client(s).</source>
        <translation>
            <numerusform>Ответственный изменён у %n клиента.</numerusform>
            <numerusform>Ответственный изменён у %n клиентов.</numerusform>
            <numerusform>Ответственный изменён у %n клиентов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>Добавить метку</translation>
    </message>
    <message numerus="yes">
        <source>Tag “{tag}” added to %n client(s).</source>
        <translation>
            <numerusform>Метка «{tag}» добавлена %n клиенту.</numerusform>
            <numerusform>Метка «{tag}» добавлена %n клиентам.</numerusform>
            <numerusform>Метка «{tag}» добавлена %n клиентам.</numerusform>
        </translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>Изменить статус</translation>
    </message>
    <message numerus="yes">
        <source>Status changed for %n client(s).</source>
        <translation>
            <numerusform>Статус изменён у %n клиента.</numerusform>
            <numerusform>Статус изменён у %n клиентов.</numerusform>
            <numerusform>Статус изменён у %n клиентов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n client(s) moved to the trash. Ctrl+Z brings them back.</source>
        <translation>
            <numerusform>%n клиент перемещён в корзину. Ctrl+Z вернёт его.</numerusform>
            <numerusform>%n клиента перемещены в корзину. Ctrl+Z вернёт их.</numerusform>
            <numerusform>%n клиентов перемещено в корзину. Ctrl+Z вернёт их.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Никто</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message numerus="yes">
        <source>Responsible for %n client(s):</source>
        <translation>
            <numerusform>Ответственный за %n клиента:</numerusform>
            <numerusform>Ответственный за %n клиентов:</numerusform>
            <numerusform>Ответственный за %n клиентов:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag for %n client(s):</source>
        <translation>
            <numerusform>Метка для %n клиента:</numerusform>
            <numerusform>Метка для %n клиентов:</numerusform>
            <numerusform>Метка для %n клиентов:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Status of %n client(s):</source>
        <translation>
            <numerusform>Статус %n клиента:</numerusform>
            <numerusform>Статус %n клиентов:</numerusform>
            <numerusform>Статус %n клиентов:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <source>{name}: birthday ({age})</source>
        <translation>{name}: день рождения ({age})</translation>
    </message>
    <message>
        <source>{name}: birthday</source>
        <translation>{name}: день рождения</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(без темы)</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Повторяется</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>This activity repeats. Change only this occurrence, or this and all the following ones?</source>
        <translation>Это дело повторяется. Изменить только этот раз или этот и все следующие?</translation>
    </message>
    <message>
        <source>Only this one</source>
        <translation>Только этот раз</translation>
    </message>
    <message>
        <source>This and all future</source>
        <translation>Этот и все следующие</translation>
    </message>
    <message>
        <source>Move activity</source>
        <translation>Перенос дела</translation>
    </message>
    <message>
        <source>Move «{title}»</source>
        <translation>Перенос «{title}»</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>Новое дело</translation>
    </message>
    <message>
        <source>Reschedule the contact with {name}</source>
        <translation>Перенос контакта с клиентом {name}</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>Previous</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Вперёд</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Неделя</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>Типы</translation>
    </message>
    <message>
        <source>Which kinds of activities the calendar shows</source>
        <translation>Какие виды дел показывает календарь</translation>
    </message>
    <message>
        <source>Birthdays</source>
        <translation>Дни рождения</translation>
    </message>
    <message>
        <source>New activity…</source>
        <translation>Новое дело…</translation>
    </message>
    <message>
        <source>Responsible:</source>
        <translation>Ответственный:</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>Campaign</source>
        <translation>Кампания</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>Новая кампания</translation>
    </message>
    <message>
        <source>For example: Exhibition “Build 2026”</source>
        <translation>Например: выставка «Стройка 2026»</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <source>For example: Yandex.Direct, yandex</source>
        <translation>Например: Яндекс.Директ, yandex</translation>
    </message>
    <message>
        <source>Client sources</source>
        <translation>Источники клиентов</translation>
    </message>
    <message>
        <source>Comma-separated. Clients with this source get the campaign automatically (unless they already have one).</source>
        <translation>Через запятую. Клиенты с таким источником получают эту кампанию автоматически (если кампании у них ещё нет).</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Канал:</translation>
    </message>
    <message>
        <source>Starts:</source>
        <translation>Начало:</translation>
    </message>
    <message>
        <source>Ends:</source>
        <translation>Окончание:</translation>
    </message>
    <message>
        <source>Cost:</source>
        <translation>Затраты:</translation>
    </message>
    <message>
        <source>Target segment:</source>
        <translation>Целевой сегмент:</translation>
    </message>
    <message>
        <source>Client sources:</source>
        <translation>Источники клиентов:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Заметки:</translation>
    </message>
    <message>
        <source>Change campaign</source>
        <translation>Изменение кампании</translation>
    </message>
</context>
<context>
    <name>CampaignsEditor</name>
    <message>
        <source>Advertising</source>
        <translation>Реклама</translation>
    </message>
    <message>
        <source>Mailing</source>
        <translation>Рассылка</translation>
    </message>
    <message>
        <source>Exhibition</source>
        <translation>Выставка</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Обзвон</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Рекомендация</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <source>Where clients come from and what it cost. Set a client&apos;s or deal&apos;s campaign on its card; Reports → Advertising campaigns shows which one paid off.</source>
        <translation>Откуда приходят клиенты и во что это обошлось. Кампанию клиента или сделки укажите в их карточке; отчёт «Отчёты → Рекламные кампании» покажет, какая окупилась.</translation>
    </message>
    <message>
        <source>Advertising campaigns</source>
        <translation>Рекламные кампании</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Затраты</translation>
    </message>
    <message>
        <source>Target segment</source>
        <translation>Целевой сегмент</translation>
    </message>
    <message>
        <source>Client sources</source>
        <translation>Источники клиентов</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Apply to existing clients</source>
        <translation>Применить к имеющимся клиентам</translation>
    </message>
    <message>
        <source>Give clients without a campaign the campaign that lists their source</source>
        <translation>Дать клиентам без кампании ту кампанию, в источниках которой есть их источник</translation>
    </message>
    <message>
        <source>Delete campaign</source>
        <translation>Удаление кампании</translation>
    </message>
    <message>
        <source>Campaigns by client source</source>
        <translation>Кампании по источнику клиентов</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s) got a campaign by their source.</source>
        <translation>
            <numerusform>%n клиент получил кампанию по своему источнику.</numerusform>
            <numerusform>%n клиента получили кампанию по своему источнику.</numerusform>
            <numerusform>%n клиентов получили кампанию по своему источнику.</numerusform>
        </translation>
    </message>
    <message>
        <source>No client without a campaign has a source listed in a campaign.</source>
        <translation>Нет клиентов без кампании, чей источник указан в какой-либо кампании.</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>nobody responsible</source>
        <translation>без ответственного</translation>
    </message>
    <message>
        <source>Nothing planned</source>
        <translation>Ничего не запланировано</translation>
    </message>
</context>
<context>
    <name>CardHeader</name>
    <message>
        <source>New client</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <source>Fill in the card and save it (Ctrl+S).</source>
        <translation>Заполните карточку и сохраните её (Ctrl+S).</translation>
    </message>
    <message>
        <source>No contacts yet.</source>
        <translation>Контактов пока не было.</translation>
    </message>
    <message>
        <source>Last contact:</source>
        <translation>Последний контакт:</translation>
    </message>
    <message>
        <source>Next step:</source>
        <translation>Следующий шаг:</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>просрочено</translation>
    </message>
    <message>
        <source>Next contact:</source>
        <translation>Следующий контакт:</translation>
    </message>
    <message>
        <source>No next step planned</source>
        <translation>Следующий шаг не запланирован</translation>
    </message>
</context>
<context>
    <name>ChangedBanner</name>
    <message>
        <source>Reload</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Show the client as it is saved now</source>
        <translation>Показать клиента таким, каким он сохранён сейчас</translation>
    </message>
    <message>
        <source>Moved to the trash by someone else.</source>
        <translation>Другой пользователь переместил клиента в корзину.</translation>
    </message>
    <message>
        <source>Changed by someone else. Your edits are kept: saving will show both versions, or reload to see theirs.</source>
        <translation>Клиента изменил другой пользователь. Ваши правки не потеряны: при сохранении будут показаны обе версии; чтобы увидеть чужую, нажмите «Обновить».</translation>
    </message>
    <message>
        <source>Changed by someone else.</source>
        <translation>Клиента изменил другой пользователь.</translation>
    </message>
    <message>
        <source>Discard your unsaved edits and show the client as it is saved now?</source>
        <translation>Отменить несохранённые правки и показать клиента таким, каким он сохранён сейчас?</translation>
    </message>
</context>
<context>
    <name>ChoiceDialog</name>
    <message>
        <source>Why did the client refuse?</source>
        <translation>Почему клиент отказался?</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
</context>
<context>
    <name>ClientCard</name>
    <message>
        <source>New client “{}”</source>
        <translation>Новый клиент «{}»</translation>
    </message>
    <message>
        <source>Edit client “{}”</source>
        <translation>Изменение клиента «{}»</translation>
    </message>
</context>
<context>
    <name>ClientCardDialog</name>
    <message>
        <source>Card</source>
        <translation>Карточка</translation>
    </message>
    <message>
        <source>Contact persons</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Ещё</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Complete…</source>
        <translation>Выполнить…</translation>
    </message>
    <message>
        <source>Mark the selected planned activity done and write down the result</source>
        <translation>Отметить выбранное запланированное дело выполненным и записать результат</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Лента событий</translation>
    </message>
    <message>
        <source>New deal…</source>
        <translation>Новая сделка…</translation>
    </message>
    <message>
        <source>A deal for this client (save a new client first)</source>
        <translation>Сделка с этим клиентом (нового клиента сначала сохраните)</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Сделки</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Save the card (Ctrl+S)</source>
        <translation>Сохранить карточку (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Print the card: details, contact persons, deals and history (Ctrl+P)</source>
        <translation>Напечатать карточку: реквизиты, контактные лица, сделки и историю (Ctrl+P)</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <source>{name} — client card</source>
        <translation>{name} — карточка клиента</translation>
    </message>
    <message>
        <source>Saved. Not recognised, kept as typed: {}</source>
        <translation>Сохранено. Не распознано, оставлено как введено: {}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <source>Not saved: the client was changed by someone else.</source>
        <translation>Не сохранено: клиента изменил другой пользователь.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>The card has unsaved changes. Save them?</source>
        <translation>В карточке есть несохранённые изменения. Сохранить их?</translation>
    </message>
</context>
<context>
    <name>ClientList</name>
    <message>
        <source>Name</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Next contact</source>
        <translation>След. контакт</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Посл. контакт</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Удалён</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Лид</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активный</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Отказ</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>В архиве</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Физлицо</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
</context>
<context>
    <name>ClientListModel</name>
    <message>
        <source>This number could not be recognised; it is kept as typed.</source>
        <translation>Номер не распознан; он сохранён как введён.</translation>
    </message>
    <message>
        <source>The next contact is overdue.</source>
        <translation>Следующий контакт просрочен.</translation>
    </message>
    <message>
        <source>Unresolved complaint: see the client card</source>
        <translation>Нерешённая жалоба: см. карточку клиента</translation>
    </message>
</context>
<context>
    <name>ClientListPage</name>
    <message>
        <source>Clients</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <source>Add a client (Ctrl+N)</source>
        <translation>Добавить клиента (Ctrl+N)</translation>
    </message>
    <message>
        <source>Print list…</source>
        <translation>Печать списка…</translation>
    </message>
    <message>
        <source>Print the clients as the list shows them</source>
        <translation>Напечатать клиентов так, как их показывает список</translation>
    </message>
    <message>
        <source>Search: {text}</source>
        <translation>Поиск: {text}</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Тег</translation>
    </message>
    <message>
        <source>City or region</source>
        <translation>Город или регион</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Сегмент</translation>
    </message>
    <message>
        <source>Only clients whose next contact date has passed</source>
        <translation>Только клиенты с просроченным следующим контактом</translation>
    </message>
    <message>
        <source>Print list</source>
        <translation>Печать списка</translation>
    </message>
    <message numerus="yes">
        <source>Print all %Ln clients? That is many pages.</source>
        <translation>
            <numerusform>Напечатать всех %Ln клиента? Это много страниц.</numerusform>
            <numerusform>Напечатать всех %Ln клиентов? Это много страниц.</numerusform>
            <numerusform>Напечатать всех %Ln клиентов? Это много страниц.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln client(s)</source>
        <translation>
            <numerusform>%Ln клиент</numerusform>
            <numerusform>%Ln клиента</numerusform>
            <numerusform>%Ln клиентов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Selected: %Ln</source>
        <translation>
            <numerusform>Выбрано: %Ln</numerusform>
            <numerusform>Выбрано: %Ln</numerusform>
            <numerusform>Выбрано: %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>Open card</source>
        <translation>Открыть карточку</translation>
    </message>
</context>
<context>
    <name>ClientPicker</name>
    <message>
        <source>Type a client&apos;s name or phone</source>
        <translation>Введите имя или телефон клиента</translation>
    </message>
</context>
<context>
    <name>ClientTableView</name>
    <message>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>Сбросить столбцы</translation>
    </message>
</context>
<context>
    <name>ColumnHeader</name>
    <message numerus="yes">
        <source>{name}: %n deal(s), {amount}; weighted by probability {weighted}</source>
        <translation>
            <numerusform>{name}: %n сделка, {amount}; с учётом вероятности {weighted}</numerusform>
            <numerusform>{name}: %n сделки, {amount}; с учётом вероятности {weighted}</numerusform>
            <numerusform>{name}: %n сделок, {amount}; с учётом вероятности {weighted}</numerusform>
        </translation>
    </message>
    <message>
        <source>won</source>
        <translation>выигрыш</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>проигрыш</translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s)</source>
        <translation>
            <numerusform>%n сделка</numerusform>
            <numerusform>%n сделки</numerusform>
            <numerusform>%n сделок</numerusform>
        </translation>
    </message>
    <message>
        <source>weighted</source>
        <translation>взвеш.</translation>
    </message>
</context>
<context>
    <name>ColumnModel</name>
    <message>
        <source>Next step: {when} {what}</source>
        <translation>Следующий шаг: {when} {what}</translation>
    </message>
    <message>
        <source>Stuck:</source>
        <translation>Зависла:</translation>
    </message>
    <message numerus="yes">
        <source>in this stage for %n day(s), over the stage&apos;s limit of {limit}</source>
        <translation>
            <numerusform>на этом этапе %n день, больше предела этапа ({limit})</numerusform>
            <numerusform>на этом этапе %n дня, больше предела этапа ({limit})</numerusform>
            <numerusform>на этом этапе %n дней, больше предела этапа ({limit})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing planned: no call, meeting or task ahead</source>
        <translation>ничего не запланировано: ни звонка, ни встречи, ни задачи</translation>
    </message>
</context>
<context>
    <name>ComplaintBadge</name>
    <message>
        <source>Mark resolved</source>
        <translation>Жалоба решена</translation>
    </message>
    <message>
        <source>Unresolved complaint</source>
        <translation>Нерешённая жалоба</translation>
    </message>
    <message numerus="yes">
        <source>%n unresolved complaint(s)</source>
        <translation>
            <numerusform>Нерешённых жалоб: %n</numerusform>
            <numerusform>Нерешённых жалоб: %n</numerusform>
            <numerusform>Нерешённых жалоб: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>The complaint was dealt with: remove the mark (Edit → Undo takes it back)</source>
        <translation>Жалоба улажена: снять отметку (Правка → Отменить вернёт её)</translation>
    </message>
    <message>
        <source>All of them</source>
        <translation>Все сразу</translation>
    </message>
    <message>
        <source>(nothing written)</source>
        <translation>(без текста)</translation>
    </message>
</context>
<context>
    <name>CompleteActivityDialog</name>
    <message>
        <source>Complete activity</source>
        <translation>Выполнение дела</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(без темы)</translation>
    </message>
    <message>
        <source>What was done, what the client said</source>
        <translation>Что сделано, что сказал клиент</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Выполнить</translation>
    </message>
    <message>
        <source>Activity:</source>
        <translation>Дело:</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>Результат:</translation>
    </message>
    <message>
        <source>Next step:</source>
        <translation>Следующий шаг:</translation>
    </message>
    <message>
        <source>Next step kind:</source>
        <translation>Тип шага:</translation>
    </message>
</context>
<context>
    <name>ConditionsForm</name>
    <message>
        <source>Any status</source>
        <translation>Любой статус</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Без ответственного</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Любой</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Любая метка</translation>
    </message>
    <message>
        <source>Any city</source>
        <translation>Любой город</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Любое</translation>
    </message>
    <message>
        <source>Any source</source>
        <translation>Любой источник</translation>
    </message>
    <message>
        <source>Name, phone, e-mail, INN…</source>
        <translation>Имя, телефон, e-mail, ИНН…</translation>
    </message>
    <message>
        <source>Next contact date has passed</source>
        <translation>Следующий контакт просрочен</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Поля карточки</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Статус:</translation>
    </message>
    <message>
        <source>Responsible:</source>
        <translation>Ответственный:</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>Метка:</translation>
    </message>
    <message>
        <source>City or region:</source>
        <translation>Город или регион:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Источник:</translation>
    </message>
    <message>
        <source>Segment field:</source>
        <translation>Поле «Сегмент»:</translation>
    </message>
    <message>
        <source>Search:</source>
        <translation>Поиск:</translation>
    </message>
    <message>
        <source>Bought in the last</source>
        <translation>Были покупки за последние</translation>
    </message>
    <message>
        <source> months</source>
        <translation> мес.</translation>
    </message>
    <message>
        <source>No contact for</source>
        <translation>Без контакта</translation>
    </message>
    <message>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source>Lost a deal to a competitor</source>
        <translation>Сделка проиграна конкуренту</translation>
    </message>
    <message>
        <source>Birthday this month</source>
        <translation>День рождения в этом месяце</translation>
    </message>
    <message>
        <source>A-class in the ABC analysis, over the last</source>
        <translation>Класс A в ABC-анализе за последние</translation>
    </message>
    <message>
        <source>all time</source>
        <translation>всё время</translation>
    </message>
    <message>
        <source>Any campaign</source>
        <translation>Любая кампания</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>Поведение</translation>
    </message>
    <message>
        <source>Came from campaign:</source>
        <translation>Из кампании:</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>The client was changed by someone else</source>
        <translation>Клиента изменил другой пользователь</translation>
    </message>
    <message>
        <source>Since you opened this card, someone saved other values. Choose what to keep for each field; then the card is saved on top of their version.</source>
        <translation>Пока карточка была открыта, кто-то сохранил другие значения. Выберите, что оставить в каждом поле; затем карточка сохранится поверх их версии.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Theirs (saved)</source>
        <translation>Их (сохранено)</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Ваше</translation>
    </message>
    <message>
        <source>Keep all mine</source>
        <translation>Оставить всё моё</translation>
    </message>
    <message>
        <source>Take all theirs</source>
        <translation>Взять всё их</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <source>KPP</source>
        <translation>КПП</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Сегмент</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Refusal reason</source>
        <translation>Причина отказа</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Кампания</translation>
    </message>
    <message>
        <source>Next contact</source>
        <translation>Следующий контакт</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>День рождения</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Телефоны</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Contact persons</source>
        <translation>Контактные лица</translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation>Другие поля</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Физлицо</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(пусто)</translation>
    </message>
</context>
<context>
    <name>ContactPanel</name>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Remove this contact person</source>
        <translation>Удалить это контактное лицо</translation>
    </message>
    <message>
        <source>Birthday:</source>
        <translation>День рождения:</translation>
    </message>
    <message>
        <source>Phones:</source>
        <translation>Телефоны:</translation>
    </message>
    <message>
        <source>E-mails:</source>
        <translation>E-mail:</translation>
    </message>
</context>
<context>
    <name>ContactsEditor</name>
    <message>
        <source>Add contact person</source>
        <translation>Добавить контактное лицо</translation>
    </message>
    <message>
        <source>No contact persons yet.</source>
        <translation>Контактных лиц пока нет.</translation>
    </message>
</context>
<context>
    <name>CustomFieldsEditor</name>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Число</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Choice from a list</source>
        <translation>Выбор из списка</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>Дополнительные поля</translation>
    </message>
    <message>
        <source>Show retired fields</source>
        <translation>Показать скрытые поля</translation>
    </message>
    <message>
        <source>List the fields taken off the cards too, to bring one back</source>
        <translation>Показать и поля, убранные с карточек, чтобы вернуть нужное</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <source>These fields appear on the «More» tab of every client card, in this order. A retired field leaves the cards; its values are kept and come back with it.</source>
        <translation>Эти поля показываются на вкладке «Ещё» каждой карточки клиента, в этом порядке. Скрытое поле пропадает с карточек; его значения сохраняются и возвращаются вместе с ним.</translation>
    </message>
    <message>
        <source>Client fields</source>
        <translation>Поля клиента</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>the field needs a name</source>
        <translation>у поля должно быть название</translation>
    </message>
    <message>
        <source>there already is a field called «{name}»</source>
        <translation>поле «{name}» уже есть</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Варианты</translation>
    </message>
    <message>
        <source>a choice from a list needs at least one option</source>
        <translation>для выбора из списка нужен хотя бы один вариант</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>the kind cannot change: some cards already hold values of this field</source>
        <translation>тип нельзя изменить: в некоторых карточках уже есть значения этого поля</translation>
    </message>
    <message>
        <source>New client field</source>
        <translation>Новое поле клиента</translation>
    </message>
    <message>
        <source>Add client field</source>
        <translation>Добавить поле клиента</translation>
    </message>
    <message>
        <source>Field «{name}»</source>
        <translation>Поле «{name}»</translation>
    </message>
    <message>
        <source>Rename client field</source>
        <translation>Переименовать поле клиента</translation>
    </message>
    <message>
        <source>Change client field</source>
        <translation>Изменить поле клиента</translation>
    </message>
    <message>
        <source>Reorder client fields</source>
        <translation>Изменить порядок полей клиента</translation>
    </message>
    <message>
        <source>Restore client field</source>
        <translation>Вернуть поле клиента</translation>
    </message>
    <message>
        <source>Retire client field</source>
        <translation>Скрыть поле клиента</translation>
    </message>
</context>
<context>
    <name>CustomFieldsModel</name>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Варианты</translation>
    </message>
    <message>
        <source>{name} (retired)</source>
        <translation>{name} (скрыто)</translation>
    </message>
</context>
<context>
    <name>DateTimePicker</name>
    <message>
        <source>Date and time</source>
        <translation>Дата и время</translation>
    </message>
    <message>
        <source>Quick</source>
        <translation>Быстро</translation>
    </message>
    <message>
        <source>Tomorrow, in 3 days, next week</source>
        <translation>Завтра, через 3 дня, через неделю</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Завтра</translation>
    </message>
    <message>
        <source>In 3 days</source>
        <translation>Через 3 дня</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Через неделю</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Без даты</translation>
    </message>
</context>
<context>
    <name>DealActivitiesModel</name>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Subject and result</source>
        <translation>Тема и результат</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
</context>
<context>
    <name>DealCardDialog</name>
    <message>
        <source>Products and services</source>
        <translation>Товары и услуги</translation>
    </message>
    <message>
        <source>Invoices and payments</source>
        <translation>Счета и оплаты</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Сохранить (Ctrl+S)</translation>
    </message>
    <message>
        <source>New deal</source>
        <translation>Новая сделка</translation>
    </message>
    <message>
        <source>Deal: {title}</source>
        <translation>Сделка: {title}</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Ещё не сохранена</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Сохранено</translation>
    </message>
    <message>
        <source>The deal was changed</source>
        <translation>Сделка изменена</translation>
    </message>
    <message>
        <source>Someone changed this deal elsewhere since you opened it. Load the current version? Your changes in this window will be lost.</source>
        <translation>Пока сделка была открыта, её изменили в другом месте. Загрузить текущую версию? Ваши изменения в этом окне будут потеряны.</translation>
    </message>
    <message>
        <source>Loaded the current version</source>
        <translation>Загружена текущая версия</translation>
    </message>
    <message>
        <source>This deal was deleted</source>
        <translation>Эта сделка удалена</translation>
    </message>
    <message>
        <source>Changed elsewhere meanwhile: saving will ask what to do</source>
        <translation>Изменена в другом месте: при сохранении будет предложен выбор</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>Save the changes to this deal?</source>
        <translation>Сохранить изменения в сделке?</translation>
    </message>
</context>
<context>
    <name>DealForm</name>
    <message>
        <source>What is sold, e.g. Kitchen installation</source>
        <translation>Что продаётся, например: монтаж кухни</translation>
    </message>
    <message>
        <source>From stage</source>
        <translation>Как у этапа</translation>
    </message>
    <message>
        <source>Use the stage&apos;s probability again</source>
        <translation>Снова взять вероятность этапа</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>не задано</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Клиент:</translation>
    </message>
    <message>
        <source>Contact person:</source>
        <translation>Контактное лицо:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Сумма:</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>Этап:</translation>
    </message>
    <message>
        <source>Probability:</source>
        <translation>Вероятность:</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Expected close:</source>
        <translation>Ожидаемое закрытие:</translation>
    </message>
    <message>
        <source>Responsible:</source>
        <translation>Ответственный:</translation>
    </message>
    <message>
        <source>Campaign:</source>
        <translation>Кампания:</translation>
    </message>
    <message>
        <source>Open the client&apos;s card</source>
        <translation>Открыть карточку клиента</translation>
    </message>
    <message>
        <source>own</source>
        <translation>своя</translation>
    </message>
    <message>
        <source>from stage</source>
        <translation>от этапа</translation>
    </message>
</context>
<context>
    <name>DealListModel</name>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Сделка</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Days in stage</source>
        <translation>На этапе</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Следующий шаг</translation>
    </message>
    <message>
        <source>Nothing planned</source>
        <translation>Ничего не запланировано</translation>
    </message>
    <message numerus="yes">
        <source>Stuck: over the stage&apos;s limit of %n day(s)</source>
        <translation>
            <numerusform>Зависла: дольше предела этапа в %n день</numerusform>
            <numerusform>Зависла: дольше предела этапа в %n дня</numerusform>
            <numerusform>Зависла: дольше предела этапа в %n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>Stuck: nothing planned</source>
        <translation>Зависла: ничего не запланировано</translation>
    </message>
</context>
<context>
    <name>DealMenu</name>
    <message>
        <source>Open deal</source>
        <translation>Открыть сделку</translation>
    </message>
    <message>
        <source>Open client</source>
        <translation>Открыть клиента</translation>
    </message>
    <message>
        <source>Move to stage</source>
        <translation>Перенести на этап</translation>
    </message>
    <message>
        <source>Lost…</source>
        <translation>Проиграна…</translation>
    </message>
</context>
<context>
    <name>DealsPanel</name>
    <message>
        <source>Deals</source>
        <translation>Сделки</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Сделка</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>No deals yet</source>
        <translation>Сделок пока нет</translation>
    </message>
</context>
<context>
    <name>DeletedFilesModel</name>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Карточка</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Удалён</translation>
    </message>
</context>
<context>
    <name>DetailsForm</name>
    <message>
        <source>Person</source>
        <translation>Физлицо</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Refusal reason:</source>
        <translation>Причина отказа:</translation>
    </message>
    <message>
        <source>Required: why did the client refuse?</source>
        <translation>Обязательно: почему клиент отказался?</translation>
    </message>
    <message>
        <source>Birthday:</source>
        <translation>День рождения:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <source>INN:</source>
        <translation>ИНН:</translation>
    </message>
    <message>
        <source>Phones:</source>
        <translation>Телефоны:</translation>
    </message>
    <message>
        <source>E-mails:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Статус:</translation>
    </message>
    <message>
        <source>Responsible:</source>
        <translation>Ответственный:</translation>
    </message>
    <message>
        <source>Next contact:</source>
        <translation>След. контакт:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Метки:</translation>
    </message>
    <message>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <source>INN check</source>
        <translation>Проверка ИНН</translation>
    </message>
    <message>
        <source>Next contact</source>
        <translation>Следующий контакт</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>День рождения</translation>
    </message>
    <message>
        <source>Where the client came from</source>
        <translation>Откуда пришёл клиент</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <source>City:</source>
        <translation>Город:</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>Регион:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Источник:</translation>
    </message>
    <message>
        <source>Segment:</source>
        <translation>Сегмент:</translation>
    </message>
    <message>
        <source>Campaign:</source>
        <translation>Кампания:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Заметки:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(никто)</translation>
    </message>
    <message>
        <source>(former employee #{})</source>
        <translation>(бывший сотрудник №{})</translation>
    </message>
    <message>
        <source>An INN has 10 digits (organisation) or 12 (person)</source>
        <translation>В ИНН 10 цифр (организация) или 12 (физлицо)</translation>
    </message>
    <message>
        <source>The INN checksum is wrong: check the digits</source>
        <translation>Неверная контрольная сумма ИНН: проверьте цифры</translation>
    </message>
    <message>
        <source>The INN checksum is right</source>
        <translation>Контрольная сумма ИНН верна</translation>
    </message>
    <message>
        <source>Company name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>ФИО:</translation>
    </message>
</context>
<context>
    <name>DocumentsDialog</name>
    <message>
        <source>Create document</source>
        <translation>Создать документ</translation>
    </message>
    <message>
        <source>Templates folder…</source>
        <translation>Папка шаблонов…</translation>
    </message>
    <message>
        <source>Put your own .docx or .odt templates here; the list of fields is in README-fields.txt</source>
        <translation>Положите сюда свои шаблоны .docx или .odt; список полей — в файле README-fields.txt</translation>
    </message>
    <message>
        <source>(no deal)</source>
        <translation>(без сделки)</translation>
    </message>
    <message>
        <source>Install LibreOffice (free, libreoffice.org) to get PDF and ODT files; DOCX opens in Word and LibreOffice</source>
        <translation>Установите LibreOffice (бесплатно, libreoffice.org), чтобы получать файлы PDF и ODT; DOCX открывается в Word и LibreOffice</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Шаблон:</translation>
    </message>
    <message>
        <source>Deal:</source>
        <translation>Сделка:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Показать в папке</translation>
    </message>
    <message>
        <source>Send by e-mail…</source>
        <translation>Отправить по почте…</translation>
    </message>
    <message>
        <source>Commercial proposal</source>
        <translation>Коммерческое предложение</translation>
    </message>
    <message>
        <source>Invoice for payment</source>
        <translation>Счёт на оплату</translation>
    </message>
    <message>
        <source>An invoice is issued for a deal: choose the deal.</source>
        <translation>Счёт выставляется по сделке: выберите сделку.</translation>
    </message>
    <message>
        <source>The invoice gets number {number} and is added to the deal&apos;s invoices.</source>
        <translation>Счёт получит номер {number} и добавится к счетам сделки.</translation>
    </message>
    <message>
        <source>The document is saved, attached to the card and written into its history.</source>
        <translation>Документ сохранится, прикрепится к карточке и попадёт в её историю.</translation>
    </message>
    <message>
        <source>Creating the document…</source>
        <translation>Создание документа…</translation>
    </message>
    <message>
        <source>Created and attached to the card:
{name}</source>
        <translation>Создан и прикреплён к карточке:
{name}</translation>
    </message>
    <message>
        <source>No program opened {path}.</source>
        <translation>Ни одна программа не открыла {path}.</translation>
    </message>
    <message>
        <source>Templates folder</source>
        <translation>Папка шаблонов</translation>
    </message>
    <message>
        <source>Create document…</source>
        <translation>Создать документ…</translation>
    </message>
    <message>
        <source>A commercial proposal, an invoice or your own template, filled in for this card</source>
        <translation>Коммерческое предложение, счёт или свой шаблон, заполненный по этой карточке</translation>
    </message>
    <message>
        <source>The document is made from the saved card. Save the changes now?</source>
        <translation>Документ создаётся по сохранённой карточке. Сохранить изменения сейчас?</translation>
    </message>
    <message>
        <source>Save the card first.</source>
        <translation>Сначала сохраните карточку.</translation>
    </message>
</context>
<context>
    <name>DuplicateHintBar</name>
    <message>
        <source>Open that card</source>
        <translation>Открыть ту карточку</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <source>Already in the base: {name} — {reasons}</source>
        <translation>Уже есть в базе: {name} — {reasons}</translation>
    </message>
    <message>
        <source>(and {} more)</source>
        <translation>(и ещё {})</translation>
    </message>
    <message>
        <source>phone {}</source>
        <translation>телефон {}</translation>
    </message>
    <message>
        <source>e-mail {}</source>
        <translation>e-mail {}</translation>
    </message>
    <message>
        <source>INN {}</source>
        <translation>ИНН {}</translation>
    </message>
    <message>
        <source>similar name</source>
        <translation>похожее имя</translation>
    </message>
</context>
<context>
    <name>EmailsEditor</name>
    <message>
        <source>+ Add e-mail</source>
        <translation>+ Добавить e-mail</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Написать</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>This is not an e-mail address</source>
        <translation>Это не адрес электронной почты</translation>
    </message>
</context>
<context>
    <name>EmployeeDialog</name>
    <message>
        <source>optional: a short name to sign in with</source>
        <translation>необязательно: короткое имя для входа</translation>
    </message>
    <message>
        <source>Works here (clear when the employee has left)</source>
        <translation>Работает (снимите галочку, когда сотрудник уйдёт)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Роль:</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Логин:</translation>
    </message>
</context>
<context>
    <name>Employees</name>
    <message>
        <source>Owner</source>
        <translation>Владелец</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Менеджер</translation>
    </message>
    <message>
        <source>Viewer (reads only)</source>
        <translation>Наблюдатель (только просмотр)</translation>
    </message>
    <message>
        <source>Type the employee&apos;s name.</source>
        <translation>Введите имя сотрудника.</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>Выберите роль.</translation>
    </message>
    <message>
        <source>The login «{login}» already belongs to {name}.</source>
        <translation>Логин «{login}» уже занят: {name}.</translation>
    </message>
    <message>
        <source>Kartoteka needs at least one active owner. Make another employee an owner first.</source>
        <translation>В Картотеке должен быть хотя бы один работающий владелец. Сначала сделайте владельцем другого сотрудника.</translation>
    </message>
    <message>
        <source>The password is too short: at least {minimum} characters.</source>
        <translation>Пароль слишком короткий: нужно не меньше {minimum} символов.</translation>
    </message>
    <message>
        <source>{name} already has work in Kartoteka; mark the employee as left instead.</source>
        <translation>У сотрудника {name} уже есть работа в Картотеке; вместо этого отметьте, что он больше не работает.</translation>
    </message>
    <message>
        <source>Choose another employee to hand the work over to.</source>
        <translation>Выберите другого сотрудника, которому передать работу.</translation>
    </message>
    <message>
        <source>{name} has left; choose an employee who works here.</source>
        <translation>{name} больше не работает; выберите работающего сотрудника.</translation>
    </message>
</context>
<context>
    <name>EmployeesEditor</name>
    <message>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Set password…</source>
        <translation>Задать пароль…</translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation>Передать работу…</translation>
    </message>
    <message>
        <source>Give a leaver&apos;s clients, open deals and planned activities to another employee</source>
        <translation>Передать другому сотруднику клиентов, открытые сделки и запланированные дела уходящего</translation>
    </message>
    <message>
        <source>While only you work in Kartoteka, nobody signs in. Once a second employee has a password (or you set one for yourself), Kartoteka asks for a name and password at start.</source>
        <translation>Пока в Картотеке работаете только вы, входить не нужно. Как только у второго сотрудника появится пароль (или вы зададите его себе), Картотека будет спрашивать имя и пароль при запуске.</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Сотрудники</translation>
    </message>
    <message>
        <source>Anyone can sign in without a password as: {names}. Set them a password.</source>
        <translation>Кто угодно может войти без пароля под именем: {names}. Задайте им пароль.</translation>
    </message>
    <message>
        <source>Add employee</source>
        <translation>Добавление сотрудника</translation>
    </message>
    <message>
        <source>New employee</source>
        <translation>Новый сотрудник</translation>
    </message>
    <message>
        <source>Change employee</source>
        <translation>Изменение сотрудника</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <source>Hand over work</source>
        <translation>Передача работы</translation>
    </message>
    <message>
        <source>{source} → {target}: {what} handed over. Ctrl+Z takes it back.</source>
        <translation>{source} → {target}, передано: {what}. Ctrl+Z отменит передачу.</translation>
    </message>
</context>
<context>
    <name>EmployeesModel</name>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>{name} (you)</source>
        <translation>{name} (вы)</translation>
    </message>
    <message>
        <source>Works here</source>
        <translation>Работает</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Не работает</translation>
    </message>
    <message>
        <source>Has a password</source>
        <translation>Есть пароль</translation>
    </message>
    <message>
        <source>No password</source>
        <translation>Без пароля</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{field}: {detail}</source>
        <translation>{field}: {detail}</translation>
    </message>
    <message>
        <source>The record was not found; it may have been deleted.</source>
        <translation>Запись не найдена; возможно, её удалили.</translation>
    </message>
    <message>
        <source>Someone else changed this record since you opened it.</source>
        <translation>Пока запись была открыта, её изменил другой пользователь.</translation>
    </message>
    <message>
        <source>Your role ({role}) does not allow you to {action}. Ask the owner.</source>
        <translation>Ваша роль ({role}) не позволяет {action}. Обратитесь к владельцу.</translation>
    </message>
    <message>
        <source>This database was made by a newer version of Kartoteka. Please update the program; the file was not changed.</source>
        <translation>Эта база создана более новой версией Картотеки. Обновите программу; файл не изменён.</translation>
    </message>
    <message>
        <source>This file is not a Kartoteka database, or it is damaged.</source>
        <translation>Этот файл не является базой Картотеки или повреждён.</translation>
    </message>
    <message>
        <source>Cannot open the database: {detail}</source>
        <translation>Не удаётся открыть базу: {detail}</translation>
    </message>
    <message>
        <source>The backup failed: {detail}</source>
        <translation>Не удалось сделать копию: {detail}</translation>
    </message>
    <message>
        <source>{path} is not a Kartoteka backup. Choose a .kbak file made by Kartoteka; nothing was changed.</source>
        <translation>{path} — не резервная копия Картотеки. Выберите файл .kbak, сделанный Картотекой; ничего не изменено.</translation>
    </message>
    <message>
        <source>The file {path} does not exist. Check its name, or connect the drive it is on.</source>
        <translation>Файла {path} нет. Проверьте имя или подключите диск, на котором он лежит.</translation>
    </message>
    <message>
        <source>The backup {path} is damaged or incomplete ({detail}). It cannot be used: choose another (older) backup. Nothing was changed.</source>
        <translation>Копия {path} повреждена или неполна ({detail}). Её нельзя использовать: выберите другую (более старую) копию. Ничего не изменено.</translation>
    </message>
    <message>
        <source>The backup {path} was made by a newer version of Kartoteka. Update Kartoteka, then restore it. Nothing was changed.</source>
        <translation>Копия {path} сделана более новой версией Картотеки. Обновите программу, затем восстановите копию. Ничего не изменено.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist. Connect the drive it is on (USB stick, network drive) or choose another folder.</source>
        <translation>Папки {folder} нет. Подключите диск, на котором она находится (флешку, сетевой диск), или выберите другую папку.</translation>
    </message>
    <message>
        <source>Kartoteka may not write into {folder}. Choose another folder (a USB stick may have its write-protect switch on). Nothing was changed.</source>
        <translation>Картотеке нельзя писать в {folder}. Выберите другую папку (у флешки может быть включена защита от записи). Ничего не изменено.</translation>
    </message>
    <message>
        <source>There is not enough free space in {folder}. Free some space or choose another disk, then try again. Nothing was changed.</source>
        <translation>В {folder} не хватает места. Освободите место или выберите другой диск и повторите. Ничего не изменено.</translation>
    </message>
    <message>
        <source>Could not write into {folder}: {detail}. Check the drive and try again. Nothing was changed.</source>
        <translation>Не удалось записать в {folder}: {detail}. Проверьте диск и повторите. Ничего не изменено.</translation>
    </message>
    <message>
        <source>The backup written to {folder} failed its check ({detail}) and was deleted. Try again, or use another disk.</source>
        <translation>Копия в {folder} не прошла проверку ({detail}) и удалена. Повторите или используйте другой диск.</translation>
    </message>
    <message>
        <source>The database {path} is still open in Kartoteka or another program. Close it and try again. Nothing was changed.</source>
        <translation>База {path} ещё открыта в Картотеке или другой программе. Закройте её и повторите. Ничего не изменено.</translation>
    </message>
    <message>
        <source>The name or the password is wrong.</source>
        <translation>Неверное имя или пароль.</translation>
    </message>
    <message>
        <source>Too many wrong passwords. Signing in is locked for {minutes} min; try again later.</source>
        <translation>Слишком много неверных паролей. Вход заблокирован на {minutes} мин; попробуйте позже.</translation>
    </message>
    <message>
        <source>{name} is {size_mb} MB: too large to attach (up to {limit_mb} MB). Keep it in a shared folder and put a link to it in the notes instead.</source>
        <translation>Файл {name} весит {size_mb} МБ — слишком много для вложения (можно до {limit_mb} МБ). Положите его в общую папку, а в заметки вставьте ссылку на него.</translation>
    </message>
    <message>
        <source>Cannot read the file {path} ({detail}). Check that it exists and is not open in another program; nothing was attached.</source>
        <translation>Не удаётся прочитать файл {path} ({detail}). Проверьте, что он существует и не открыт в другой программе; ничего не прикреплено.</translation>
    </message>
    <message>
        <source>The stored copy of {name} is missing or damaged. Restore a backup that has it, or attach the file again.</source>
        <translation>Сохранённая копия файла {name} пропала или повреждена. Восстановите резервную копию, в которой он есть, или прикрепите файл заново.</translation>
    </message>
    <message>
        <source>Install LibreOffice (free, libreoffice.org) to get {fmt} files. The .docx was saved: {path}</source>
        <translation>Установите LibreOffice (бесплатно, libreoffice.org), чтобы получать файлы {fmt}. Файл .docx сохранён: {path}</translation>
    </message>
    <message>
        <source>The template {path} is an .odt file: install LibreOffice (free, libreoffice.org) to fill it, or save the template as .docx.</source>
        <translation>Шаблон {path} — файл .odt: установите LibreOffice (бесплатно, libreoffice.org), чтобы заполнить его, или сохраните шаблон в формате .docx.</translation>
    </message>
    <message>
        <source>LibreOffice could not make a {fmt} from {path}: {detail}</source>
        <translation>LibreOffice не смог сделать {fmt} из {path}: {detail}</translation>
    </message>
    <message>
        <source>The template {path} cannot be filled: {detail}. Check its fields (see README-fields.txt in the templates folder).</source>
        <translation>Не удаётся заполнить шаблон {path}: {detail}. Проверьте его поля (см. README-fields.txt в папке шаблонов).</translation>
    </message>
    <message>
        <source>An invoice is issued for a deal: choose the deal (or open it) and create the invoice there.</source>
        <translation>Счёт выставляется по сделке: выберите сделку (или откройте её) и создайте счёт там.</translation>
    </message>
    <message>
        <source>The deal «{title}» has no products or services and no amount: add them on the deal card, then create the invoice.</source>
        <translation>В сделке «{title}» нет ни товаров и услуг, ни суммы: добавьте их в карточке сделки, затем создайте счёт.</translation>
    </message>
    <message>
        <source>Give the segment a name.</source>
        <translation>Введите название сегмента.</translation>
    </message>
    <message>
        <source>A segment named “{name}” already exists. Choose another name.</source>
        <translation>Сегмент «{name}» уже есть. Выберите другое название.</translation>
    </message>
    <message>
        <source>The segment has no conditions, so it would hold every client. Choose at least one condition.</source>
        <translation>У сегмента нет условий, и в него попадут все клиенты. Выберите хотя бы одно условие.</translation>
    </message>
    <message>
        <source>The segment refers to a campaign, field or employee that no longer exists. Choose another.</source>
        <translation>Сегмент ссылается на кампанию, поле или сотрудника, которых больше нет. Выберите другое значение.</translation>
    </message>
    <message>
        <source>Give the campaign a name.</source>
        <translation>Введите название кампании.</translation>
    </message>
    <message>
        <source>A campaign named “{name}” already exists. Choose another name.</source>
        <translation>Кампания «{name}» уже есть. Выберите другое название.</translation>
    </message>
    <message>
        <source>The campaign ends ({ends}) before it starts ({starts}).</source>
        <translation>Кампания заканчивается ({ends}) раньше, чем начинается ({starts}).</translation>
    </message>
    <message>
        <source>The cost of a campaign cannot be negative.</source>
        <translation>Затраты на кампанию не могут быть отрицательными.</translation>
    </message>
    <message>
        <source>Sign in to change data. Nothing was changed.</source>
        <translation>Чтобы изменять данные, войдите в программу. Ничего не изменено.</translation>
    </message>
    <message>
        <source>Cannot copy the database to {target}: {detail}</source>
        <translation>Не удаётся скопировать базу в {target}: {detail}</translation>
    </message>
    <message>
        <source>The source “{source}” already brings the campaign “{campaign}”. A source can bring only one campaign.</source>
        <translation>Источник «{source}» уже приводит клиентов в кампанию «{campaign}». Один источник — одна кампания.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>Отменено. Ничего не изменено.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Refusal reason</source>
        <translation>Причина отказа</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Planned date</source>
        <translation>Плановая дата</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>Причина проигрыша</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>Kartoteka</source>
        <translation>Картотека</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Сделки</translation>
    </message>
    <message>
        <source>Activities (calls, meetings, tasks)</source>
        <translation>Дела (звонки, встречи, задачи)</translation>
    </message>
    <message>
        <source>Calendar of planned activities (.ics)</source>
        <translation>Календарь запланированных дел (.ics)</translation>
    </message>
    <message>
        <source>Contacts for a phone or mail program (vCard)</source>
        <translation>Контакты для телефона или почты (vCard)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>Что:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Открыть папку</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>clients</source>
        <translation>клиенты</translation>
    </message>
    <message>
        <source>deals</source>
        <translation>сделки</translation>
    </message>
    <message>
        <source>activities</source>
        <translation>дела</translation>
    </message>
    <message>
        <source>calendar</source>
        <translation>календарь</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>контакты</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Книга Excel (.xlsx)</translation>
    </message>
    <message>
        <source>CSV, semicolon-separated (.csv)</source>
        <translation>CSV, разделитель «;» (.csv)</translation>
    </message>
    <message>
        <source>iCalendar (.ics)</source>
        <translation>iCalendar (.ics)</translation>
    </message>
    <message>
        <source>vCard (.vcf)</source>
        <translation>vCard (.vcf)</translation>
    </message>
    <message numerus="yes">
        <source>Only the %n client(s) currently shown</source>
        <translation>
            <numerusform>Только %n показанный клиент</numerusform>
            <numerusform>Только %n показанных клиента</numerusform>
            <numerusform>Только %n показанных клиентов</numerusform>
        </translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Экспорт в</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Остановка…</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) written to %1</source>
        <translation>
            <numerusform>%n запись сохранена в %1</numerusform>
            <numerusform>%n записи сохранены в %1</numerusform>
            <numerusform>%n записей сохранено в %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The export was stopped; no file was written.</source>
        <translation>Экспорт остановлен; файл не записан.</translation>
    </message>
</context>
<context>
    <name>FieldDialog</name>
    <message>
        <source>Options:</source>
        <translation>Варианты:</translation>
    </message>
    <message>
        <source>One option per line</source>
        <translation>По одному варианту в строке</translation>
    </message>
    <message>
        <source>Some cards already hold values of this field, so its kind stays.</source>
        <translation>В некоторых карточках уже есть значения этого поля, поэтому тип не меняется.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Тип:</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Where to save the backup</source>
        <translation>Куда сохранить резервную копию</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Резервная копия</translation>
    </message>
    <message>
        <source>The backup is saved and checked:
{path}</source>
        <translation>Резервная копия сохранена и проверена:
{path}</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a file</source>
        <translation>Выбор файла</translation>
    </message>
    <message>
        <source>A spreadsheet (Excel, LibreOffice), a CSV file from 1C or a bank, or contacts from a phone (vCard). Nothing is written until the last step.</source>
        <translation>Таблица (Excel, LibreOffice), CSV-файл из 1С или банка либо контакты из телефона (vCard). До последнего шага ничего не записывается.</translation>
    </message>
    <message>
        <source>Drag a file here</source>
        <translation>Перетащите файл сюда</translation>
    </message>
    <message>
        <source>.xlsx .xlsm .xls .ods · .csv · .vcf</source>
        <translation>.xlsx .xlsm .xls .ods · .csv · .vcf</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Выбрать файл…</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Файл: %1</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Чтение файла…</translation>
    </message>
    <message>
        <source>All supported files (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.vcf)</source>
        <translation>Все поддерживаемые файлы (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.vcf)</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.xls *.ods)</source>
        <translation>Таблицы (*.xlsx *.xlsm *.xls *.ods)</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>Файлы CSV (*.csv *.txt)</translation>
    </message>
    <message>
        <source>vCard contacts (*.vcf)</source>
        <translation>Контакты vCard (*.vcf)</translation>
    </message>
    <message>
        <source>Import clients from a file</source>
        <translation>Импорт клиентов из файла</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) found. Press Next to check them.</source>
        <translation>
            <numerusform>Найдена %n строка. Нажмите «Далее», чтобы проверить её.</numerusform>
            <numerusform>Найдено %n строки. Нажмите «Далее», чтобы проверить их.</numerusform>
            <numerusform>Найдено %n строк. Нажмите «Далее», чтобы проверить их.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filter: name, phone, e-mail, INN…</source>
        <translation>Фильтр: имя, телефон, e-mail, ИНН…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Любой отв.</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Любая метка</translation>
    </message>
    <message>
        <source>Any city</source>
        <translation>Любой город</translation>
    </message>
    <message>
        <source>Any segment</source>
        <translation>Все сегменты</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Фильтр по статусу</translation>
    </message>
    <message>
        <source>Responsible filter</source>
        <translation>Фильтр по ответственному</translation>
    </message>
    <message>
        <source>Tag filter</source>
        <translation>Фильтр по метке</translation>
    </message>
    <message>
        <source>City filter</source>
        <translation>Фильтр по городу</translation>
    </message>
    <message>
        <source>Segment filter</source>
        <translation>Фильтр по сегменту</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просроченные</translation>
    </message>
    <message>
        <source>Only clients whose next contact date has passed</source>
        <translation>Только клиенты, у которых дата следующего контакта прошла</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <source>Show all clients again</source>
        <translation>Снова показать всех клиентов</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Без ответственного</translation>
    </message>
</context>
<context>
    <name>Funnel</name>
    <message>
        <source>Move deal to «{stage}»</source>
        <translation>Перенос сделки на этап «{stage}»</translation>
    </message>
</context>
<context>
    <name>FunnelFilterBar</name>
    <message>
        <source>All time</source>
        <translation>Всё время</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Прошлый месяц</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Этот квартал</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Этот год</translation>
    </message>
    <message>
        <source>Dates…</source>
        <translation>Даты…</translation>
    </message>
    <message>
        <source>Open deals created in the period, won and lost ones closed in it (all time: closed in the last 30 days)</source>
        <translation>Открытые сделки, созданные за период, и выигранные и проигранные, закрытые в нём (всё время: закрытые за последние 30 дней)</translation>
    </message>
    <message>
        <source>Client, phone or deal title</source>
        <translation>Клиент, телефон или название сделки</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>Доска</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Список</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Воронка</translation>
    </message>
    <message>
        <source>Responsible filter</source>
        <translation>Фильтр по ответственному</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Период с</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Период по</translation>
    </message>
    <message>
        <source>Tag filter</source>
        <translation>Фильтр по метке</translation>
    </message>
    <message>
        <source>Any responsible</source>
        <translation>Любой ответственный</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Любая метка</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Hand over work</source>
        <translation>Передача работы</translation>
    </message>
    <message>
        <source> (left)</source>
        <translation> (не работает)</translation>
    </message>
    <message>
        <source>Done activities and closed deals stay with their author, so the reports still count who did what. Ctrl+Z takes the hand-over back.</source>
        <translation>Выполненные дела и закрытые сделки остаются за их автором, чтобы отчёты по-прежнему показывали, кто что сделал. Ctrl+Z отменит передачу.</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>От кого:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Кому:</translation>
    </message>
    <message>
        <source>Nothing to hand over: no clients, open deals or planned activities.</source>
        <translation>Передавать нечего: нет ни клиентов, ни открытых сделок, ни запланированных дел.</translation>
    </message>
    <message>
        <source>{what} will move.</source>
        <translation>Будет передано: {what}.</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>About Kartoteka</source>
        <translation>О программе «Картотека»</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kartoteka {version}&lt;/h3&gt;&lt;p&gt;A card index of clients for a small business: cards, calls and meetings, the funnel, reminders and reports.&lt;/p&gt;&lt;p&gt;Press F1 for the guide.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Картотека {version}&lt;/h3&gt;&lt;p&gt;Картотека клиентов для малого бизнеса: карточки, звонки и встречи, воронка продаж, напоминания и отчёты.&lt;/p&gt;&lt;p&gt;Справка — клавиша F1.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>&amp;Справка по работе</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;About Kartoteka</source>
        <translation>&amp;О программе</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Kartoteka guide</source>
        <translation>Справка Картотеки</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Строк</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создано</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Объединено</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Пропущено</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Отменён</translation>
    </message>
    <message>
        <source>Sheet: %1</source>
        <translation>Лист: %1</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Stage changes</source>
        <translation>Смены этапов</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>История этапов</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Дела</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Changes</source>
        <translation>Изменения</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Пока ничего не записано.</translation>
    </message>
    <message>
        <source>Employee:</source>
        <translation>Сотрудник:</translation>
    </message>
    <message>
        <source>All employees</source>
        <translation>Все сотрудники</translation>
    </message>
</context>
<context>
    <name>HistoryText</name>
    <message>
        <source>name</source>
        <translation>имя</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>вид</translation>
    </message>
    <message>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <source>KPP</source>
        <translation>КПП</translation>
    </message>
    <message>
        <source>address</source>
        <translation>адрес</translation>
    </message>
    <message>
        <source>city</source>
        <translation>город</translation>
    </message>
    <message>
        <source>region</source>
        <translation>регион</translation>
    </message>
    <message>
        <source>source</source>
        <translation>источник</translation>
    </message>
    <message>
        <source>segment</source>
        <translation>сегмент</translation>
    </message>
    <message>
        <source>status</source>
        <translation>статус</translation>
    </message>
    <message>
        <source>refusal reason</source>
        <translation>причина отказа</translation>
    </message>
    <message>
        <source>responsible</source>
        <translation>ответственный</translation>
    </message>
    <message>
        <source>campaign</source>
        <translation>кампания</translation>
    </message>
    <message>
        <source>next contact</source>
        <translation>следующий контакт</translation>
    </message>
    <message>
        <source>birthday</source>
        <translation>день рождения</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>заметки</translation>
    </message>
    <message>
        <source>phones</source>
        <translation>телефоны</translation>
    </message>
    <message>
        <source>e-mails</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>метки</translation>
    </message>
    <message>
        <source>contact persons</source>
        <translation>контактные лица</translation>
    </message>
    <message>
        <source>own fields</source>
        <translation>доп. поля</translation>
    </message>
    <message>
        <source>title</source>
        <translation>название</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>сумма</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>этап</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>тема</translation>
    </message>
    <message>
        <source>result</source>
        <translation>результат</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>запланировано на</translation>
    </message>
    <message>
        <source>done</source>
        <translation>выполнено</translation>
    </message>
    <message>
        <source>reminder</source>
        <translation>напоминание</translation>
    </message>
    <message>
        <source>repeat</source>
        <translation>повтор</translation>
    </message>
    <message>
        <source>sentiment</source>
        <translation>оценка</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>жалоба решена</translation>
    </message>
    <message>
        <source>file</source>
        <translation>файл</translation>
    </message>
    <message>
        <source>created</source>
        <translation>создано</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>объединено</translation>
    </message>
    <message>
        <source>Import #{number}</source>
        <translation>Импорт №{number}</translation>
    </message>
    <message>
        <source>Client created</source>
        <translation>Клиент создан</translation>
    </message>
    <message>
        <source>Client changed</source>
        <translation>Клиент изменён</translation>
    </message>
    <message>
        <source>Client moved to the trash</source>
        <translation>Клиент перемещён в корзину</translation>
    </message>
    <message>
        <source>Client restored</source>
        <translation>Клиент восстановлен</translation>
    </message>
    <message>
        <source>Client deleted for good</source>
        <translation>Клиент удалён навсегда</translation>
    </message>
    <message>
        <source>Deal «{name}» created</source>
        <translation>Сделка «{name}» создана</translation>
    </message>
    <message>
        <source>Deal «{name}» changed</source>
        <translation>Сделка «{name}» изменена</translation>
    </message>
    <message>
        <source>Deal «{name}» moved to the trash</source>
        <translation>Сделка «{name}» перемещена в корзину</translation>
    </message>
    <message>
        <source>Deal «{name}» restored</source>
        <translation>Сделка «{name}» восстановлена</translation>
    </message>
    <message>
        <source>Deal «{name}» deleted for good</source>
        <translation>Сделка «{name}» удалена навсегда</translation>
    </message>
    <message>
        <source>Activity «{name}» created</source>
        <translation>Дело «{name}» создано</translation>
    </message>
    <message>
        <source>Activity «{name}» changed</source>
        <translation>Дело «{name}» изменено</translation>
    </message>
    <message>
        <source>Activity «{name}» moved to the trash</source>
        <translation>Дело «{name}» перемещено в корзину</translation>
    </message>
    <message>
        <source>Activity «{name}» restored</source>
        <translation>Дело «{name}» восстановлено</translation>
    </message>
    <message>
        <source>Activity «{name}» deleted for good</source>
        <translation>Дело «{name}» удалено навсегда</translation>
    </message>
    <message>
        <source>File «{name}» added</source>
        <translation>Файл «{name}» добавлен</translation>
    </message>
    <message>
        <source>File «{name}» changed</source>
        <translation>Файл «{name}» изменён</translation>
    </message>
    <message>
        <source>File «{name}» moved to the trash</source>
        <translation>Файл «{name}» перемещён в корзину</translation>
    </message>
    <message>
        <source>File «{name}» restored</source>
        <translation>Файл «{name}» восстановлен</translation>
    </message>
    <message>
        <source>File «{name}» deleted for good</source>
        <translation>Файл «{name}» удалён навсегда</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>person</source>
        <translation>физлицо</translation>
    </message>
    <message>
        <source>company</source>
        <translation>компания</translation>
    </message>
    <message>
        <source>undoing import #{number}</source>
        <translation>отмена импорта №{number}</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>Import history</source>
        <translation>История импорта</translation>
    </message>
    <message>
        <source>Undoing an import deletes the clients it created and takes back what it added to existing clients.</source>
        <translation>Отмена импорта удаляет созданных им клиентов и убирает то, что он добавил к имеющимся.</translation>
    </message>
    <message>
        <source>Nothing has been imported yet.</source>
        <translation>Импорта ещё не было.</translation>
    </message>
    <message>
        <source>Undo this import…</source>
        <translation>Отменить этот импорт…</translation>
    </message>
    <message>
        <source>Undoing…</source>
        <translation>Отмена…</translation>
    </message>
    <message numerus="yes">
        <source>Undo the import of «%1»? %n client(s) it created will be deleted for good, and what it added to existing clients will be taken back.</source>
        <translation>
            <numerusform>Отменить импорт «%1»? Созданный им %n клиент будет удалён безвозвратно, а добавленное к имеющимся клиентам — убрано.</numerusform>
            <numerusform>Отменить импорт «%1»? Созданные им %n клиента будут удалены безвозвратно, а добавленное к имеющимся клиентам — убрано.</numerusform>
            <numerusform>Отменить импорт «%1»? Созданные им %n клиентов будут удалены безвозвратно, а добавленное к имеющимся клиентам — убрано.</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>Отмена импорта</translation>
    </message>
    <message numerus="yes">
        <source>Undone: %n client(s) removed</source>
        <translation>
            <numerusform>Отменено: удалён %n клиент</numerusform>
            <numerusform>Отменено: удалено %n клиента</numerusform>
            <numerusform>Отменено: удалено %n клиентов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n client(s) restored.</source>
        <translation>
            <numerusform>Восстановлен %n клиент.</numerusform>
            <numerusform>Восстановлено %n клиента.</numerusform>
            <numerusform>Восстановлено %n клиентов.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Name</source>
        <translation>Имя или название</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Middle name</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Контактное лицо</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <source>KPP</source>
        <translation>КПП</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Person or company</source>
        <translation>Физлицо или компания</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Funnel stage</source>
        <translation>Этап воронки</translation>
    </message>
    <message>
        <source>Deal amount</source>
        <translation>Сумма сделки</translation>
    </message>
    <message>
        <source>Date of last contact</source>
        <translation>Дата последнего контакта</translation>
    </message>
    <message>
        <source>Date of next contact</source>
        <translation>Дата следующего контакта</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>День рождения</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Сегмент</translation>
    </message>
    <message>
        <source>Advertising campaign</source>
        <translation>Рекламная кампания</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>New custom field</source>
        <translation>Новое доп. поле</translation>
    </message>
    <message>
        <source>Into notes</source>
        <translation>В заметки</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Пропустить</translation>
    </message>
    <message>
        <source>Custom field: %1</source>
        <translation>Доп. поле: %1</translation>
    </message>
    <message>
        <source>Status: lead</source>
        <translation>Статус: лид</translation>
    </message>
    <message>
        <source>Status: active client</source>
        <translation>Статус: активный</translation>
    </message>
    <message>
        <source>Status: refused</source>
        <translation>Статус: отказ</translation>
    </message>
    <message>
        <source>Status: archived</source>
        <translation>Статус: в архиве</translation>
    </message>
    <message>
        <source>Merge into row %1</source>
        <translation>Объединить со строкой %1</translation>
    </message>
    <message>
        <source>Merge into «%1»</source>
        <translation>Объединить с «%1»</translation>
    </message>
    <message>
        <source>Create new client</source>
        <translation>Создать нового клиента</translation>
    </message>
    <message>
        <source>Import clients</source>
        <translation>Импорт клиентов</translation>
    </message>
</context>
<context>
    <name>InvoicesEditor</name>
    <message>
        <source>Invoices</source>
        <translation>Счета</translation>
    </message>
    <message>
        <source>Add invoice</source>
        <translation>Добавить счёт</translation>
    </message>
    <message>
        <source>Paid today</source>
        <translation>Оплачен сегодня</translation>
    </message>
    <message>
        <source>Remove invoice</source>
        <translation>Удалить счёт</translation>
    </message>
    <message>
        <source>Not paid: {amount}</source>
        <translation>Не оплачено: {amount}</translation>
    </message>
</context>
<context>
    <name>InvoicesModel</name>
    <message>
        <source>Invoice</source>
        <translation>Счёт</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Выставлен</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Оплачен</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>просрочен</translation>
    </message>
    <message>
        <source>not paid</source>
        <translation>не оплачен</translation>
    </message>
    <message>
        <source>Overdue: was due on {date}</source>
        <translation>Просрочен: срок был {date}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Lead</source>
        <translation>Лид</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активный</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Отказ</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>В архиве</translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation>Входящий звонок</translation>
    </message>
    <message>
        <source>Outgoing call</source>
        <translation>Исходящий звонок</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Встреча</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Отзыв</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Запланировано</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <source>Director</source>
        <translation>Директор</translation>
    </message>
    <message>
        <source>Accountant</source>
        <translation>Бухгалтер</translation>
    </message>
    <message>
        <source>Chief accountant</source>
        <translation>Главный бухгалтер</translation>
    </message>
    <message>
        <source>Purchaser</source>
        <translation>Закупщик</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Менеджер</translation>
    </message>
    <message>
        <source>Sales manager</source>
        <translation>Менеджер по продажам</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>Инженер</translation>
    </message>
    <message>
        <source>Secretary</source>
        <translation>Секретарь</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Владелец</translation>
    </message>
</context>
<context>
    <name>LinesEditor</name>
    <message>
        <source>Products and services</source>
        <translation>Товары и услуги</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>Добавить строку</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Удалить строку</translation>
    </message>
    <message>
        <source>Total of lines: {total}</source>
        <translation>Итого по строкам: {total}</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <source>Product or service</source>
        <translation>Товар или услуга</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Кол-во</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>Новая строка</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in to Kartoteka</source>
        <translation>Вход в Картотеку</translation>
    </message>
    <message>
        <source>Kartoteka</source>
        <translation>Картотека</translation>
    </message>
    <message>
        <source>Choose your name or type your login, then your password.</source>
        <translation>Выберите своё имя или введите логин, затем пароль.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>Name or login:</source>
        <translation>Имя или логин:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
</context>
<context>
    <name>LostReasonDialog</name>
    <message>
        <source>Deal lost</source>
        <translation>Сделка проиграна</translation>
    </message>
    <message>
        <source>Why was the deal «{title}» lost?</source>
        <translation>Почему проиграна сделка «{title}»?</translation>
    </message>
    <message>
        <source>Why was the deal lost?</source>
        <translation>Почему сделка проиграна?</translation>
    </message>
    <message>
        <source>It moves to «{stage}».</source>
        <translation>Она перейдёт на этап «{stage}».</translation>
    </message>
    <message>
        <source>Choose or type a reason</source>
        <translation>Выберите или введите причину</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Необязательно</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <source>Competitor:</source>
        <translation>Конкурент:</translation>
    </message>
    <message>
        <source>Mark as lost</source>
        <translation>Отметить проигранной</translation>
    </message>
</context>
<context>
    <name>MailActions</name>
    <message>
        <source>Send e-mail</source>
        <translation>Отправка письма</translation>
    </message>
    <message>
        <source>This client has no e-mail address. Add one on the client&apos;s card (or a contact person&apos;s), then send again.</source>
        <translation>У клиента нет адреса e-mail. Добавьте его в карточку клиента (или контактного лица) и отправьте снова.</translation>
    </message>
    <message>
        <source>No mail program opened the message.</source>
        <translation>Ни одна почтовая программа не открыла письмо.</translation>
    </message>
    <message>
        <source>The letter with the files is saved as {path}: open it with your mail program, or attach the files by hand.</source>
        <translation>Письмо с файлами сохранено как {path}: откройте его в почтовой программе или прикрепите файлы вручную.</translation>
    </message>
    <message>
        <source>E-mail to {address}</source>
        <translation>Письмо на {address}</translation>
    </message>
    <message>
        <source>Send e-mail…</source>
        <translation>Написать письмо…</translation>
    </message>
    <message>
        <source>Write to the client from your mail program, with files from the card</source>
        <translation>Написать клиенту из почтовой программы, приложив файлы из карточки</translation>
    </message>
    <message>
        <source>Save the card first.</source>
        <translation>Сначала сохраните карточку.</translation>
    </message>
</context>
<context>
    <name>MailDialog</name>
    <message>
        <source>Send e-mail</source>
        <translation>Отправка письма</translation>
    </message>
    <message>
        <source>The letter opens in your mail program: check it there and press Send.</source>
        <translation>Письмо откроется в почтовой программе: проверьте его там и нажмите «Отправить».</translation>
    </message>
    <message>
        <source>Open in the mail program</source>
        <translation>Открыть в почтовой программе</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Кому:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Тема:</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Текст:</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>Файлы:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Kartoteka</source>
        <translation>Картотека</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation>Воронка</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Календарь</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Дела</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Корзина</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Разделы</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>&amp;New client</source>
        <translation>&amp;Новый клиент</translation>
    </message>
    <message>
        <source>&amp;Import clients…</source>
        <translation>&amp;Импорт клиентов…</translation>
    </message>
    <message>
        <source>Import &amp;history…</source>
        <translation>Ис&amp;тория импорта…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <source>Export the clients as the list shows them, or deals, activities, the calendar</source>
        <translation>Экспорт клиентов в том виде, как их показывает список, а также сделок, дел, календаря</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Печать…</translation>
    </message>
    <message>
        <source>Print the report on screen, or the client list as filtered</source>
        <translation>Напечатать открытый отчёт или список клиентов с текущим фильтром</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>Создать &amp;резервную копию…</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Восстановить из копии…</translation>
    </message>
    <message>
        <source>&amp;Today panel</source>
        <translation>Панель «&amp;Сегодня»</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>&amp;Find client</source>
        <translation>&amp;Найти клиента</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>&amp;About Kartoteka</source>
        <translation>&amp;О программе</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>User: {name}</source>
        <translation>Пользователь: {name}</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>База: {path}</translation>
    </message>
    <message numerus="yes">
        <source>Clients: %Ln</source>
        <translation>
            <numerusform>Клиентов: %Ln</numerusform>
            <numerusform>Клиентов: %Ln</numerusform>
            <numerusform>Клиентов: %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>About Kartoteka</source>
        <translation>О программе «Картотека»</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kartoteka {version}&lt;/h3&gt;&lt;p&gt;A card index of clients for a small business: cards, calls and meetings, the funnel, reminders and reports.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Картотека {version}&lt;/h3&gt;&lt;p&gt;Картотека клиентов для малого бизнеса: карточки, звонки и встречи, воронка продаж, напоминания и отчёты.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Sign &amp;out / switch user…</source>
        <translation>&amp;Сменить пользователя…</translation>
    </message>
</context>
<context>
    <name>MappingModel</name>
    <message>
        <source>Column of the file</source>
        <translation>Столбец файла</translation>
    </message>
    <message>
        <source>Values in the file</source>
        <translation>Значения в файле</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>Импортировать как</translation>
    </message>
    <message>
        <source>Column %1 of the sheet</source>
        <translation>Столбец %1 листа</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(пусто)</translation>
    </message>
    <message>
        <source>Recognised by the column name</source>
        <translation>Распознан по названию столбца</translation>
    </message>
    <message>
        <source>Recognised by the values</source>
        <translation>Распознан по значениям</translation>
    </message>
    <message>
        <source>A custom field with this name</source>
        <translation>Доп. поле с таким названием</translation>
    </message>
    <message>
        <source>Not recognised: choose where it goes</source>
        <translation>Не распознан: выберите, куда его отнести</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <source>Check where each column of the file goes. Columns the program did not recognise go into the client&apos;s notes, so nothing is lost.</source>
        <translation>Проверьте, куда попадёт каждый столбец файла. Столбцы, которые программа не распознала, попадут в заметки клиента — ничего не потеряется.</translation>
    </message>
    <message>
        <source>Funnel stages and statuses</source>
        <translation>Этапы воронки и статусы</translation>
    </message>
    <message>
        <source>Each value of the stage and status columns becomes a funnel stage (the client gets a deal in it) or a client status. Check each one; values highlighted in yellow need your choice.</source>
        <translation>Каждое значение в столбцах этапа и статуса станет этапом воронки (у клиента появится сделка на этом этапе) или статусом клиента. Проверьте каждое; для значений, выделенных жёлтым, нужен ваш выбор.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Keep in the notes</source>
        <translation>Оставить в заметках</translation>
    </message>
    <message>
        <source>Choose at least one column for the name, phone, e-mail or INN: without them a row cannot become a client.</source>
        <translation>Выберите хотя бы один столбец для имени, телефона, e-mail или ИНН: без них строка не станет клиентом.</translation>
    </message>
    <message numerus="yes">
        <source>Choose what %n value(s) highlighted in yellow become.</source>
        <translation>
            <numerusform>Выберите, чем станет %n значение, выделенное жёлтым.</numerusform>
            <numerusform>Выберите, чем станут %n значения, выделенные жёлтым.</numerusform>
            <numerusform>Выберите, чем станут %n значений, выделенных жёлтым.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message>
        <source>+{count} more</source>
        <translation>ещё {count}</translation>
    </message>
</context>
<context>
    <name>OfficeDialog</name>
    <message>
        <source>Password for {0}:</source>
        <translation>Пароль для {0}:</translation>
    </message>
    <message>
        <source>Office mode (PostgreSQL)</source>
        <translation>Офисный режим (PostgreSQL)</translation>
    </message>
    <message>
        <source>Several people can work on one database on a PostgreSQL server. Enter the server&apos;s details, test the connection, and copy this database there once; then every computer of the office opens it.</source>
        <translation>Несколько человек могут работать с одной базой на сервере PostgreSQL. Введите данные сервера, проверьте подключение и один раз скопируйте туда эту базу; после этого её будут открывать все компьютеры офиса.</translation>
    </message>
    <message>
        <source>Remember the password in the system keyring</source>
        <translation>Запомнить пароль в системном хранилище паролей</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Проверить подключение</translation>
    </message>
    <message>
        <source>Copy this database there…</source>
        <translation>Скопировать туда эту базу…</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Сервер:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Порт:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>База данных:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Пользователь:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Use this computer&apos;s file</source>
        <translation>Работать с файлом на этом компьютере</translation>
    </message>
    <message>
        <source>Connected ({0}). The database holds Kartoteka data: {1} clients.</source>
        <translation>Подключено ({0}). В базе есть данные Картотеки, клиентов: {1}.</translation>
    </message>
    <message>
        <source>Connected ({0}). The database is empty: copy this database there.</source>
        <translation>Подключено ({0}). База пуста: скопируйте туда эту базу.</translation>
    </message>
    <message>
        <source>Connected ({0}), but the database holds another program&apos;s tables.</source>
        <translation>Подключено ({0}), но в базе таблицы другой программы.</translation>
    </message>
    <message>
        <source>Copying… the tables are counted on both sides at the end.</source>
        <translation>Копирование… В конце строки таблиц будут пересчитаны с обеих сторон.</translation>
    </message>
    <message>
        <source>Copied {0} rows; every table&apos;s count matches. Press OK to work there from the next start.</source>
        <translation>Скопировано строк: {0}; число строк совпадает во всех таблицах. Нажмите OK, чтобы со следующего запуска работать там.</translation>
    </message>
    <message>
        <source>Kartoteka will open this computer&apos;s file the next time it starts.</source>
        <translation>При следующем запуске Картотека откроет файл на этом компьютере.</translation>
    </message>
    <message>
        <source>Restart Kartoteka to work on {0}.</source>
        <translation>Перезапустите Картотеку, чтобы работать с {0}.</translation>
    </message>
    <message>
        <source>Office mode (PostgreSQL)…</source>
        <translation>Офисный режим (PostgreSQL)…</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Password of {name}</source>
        <translation>Пароль сотрудника {name}</translation>
    </message>
    <message>
        <source>At least {n} characters. Leave both fields empty to remove the password.</source>
        <translation>Не меньше {n} символов. Оставьте оба поля пустыми, чтобы убрать пароль.</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Новый пароль:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Ещё раз:</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>Пароли не совпадают. Введите один и тот же пароль дважды.</translation>
    </message>
    <message>
        <source>The password is too short: at least {n} characters.</source>
        <translation>Пароль слишком короткий: нужно не меньше {n} символов.</translation>
    </message>
</context>
<context>
    <name>PhonesEditor</name>
    <message>
        <source>+ Add phone</source>
        <translation>+ Добавить телефон</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Позвонить</translation>
    </message>
    <message>
        <source>+7 900 000-00-00</source>
        <translation>+7 900 000-00-00</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>This number could not be recognised; it is kept as typed.</source>
        <translation>Номер не распознан; он сохранён как введён.</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Monthly plans</source>
        <translation>Планы на месяц</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Звонки</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Встречи</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>Письма</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Revenue, ₽</source>
        <translation>Выручка, ₽</translation>
    </message>
    <message>
        <source>Targets for the month; zero means no plan.</source>
        <translation>Цели на месяц; ноль — плана нет.</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>Месяц:</translation>
    </message>
    <message>
        <source>Plans of the managers</source>
        <translation>Планы менеджеров</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>В файле</translation>
    </message>
    <message>
        <source>Phones, e-mails</source>
        <translation>Телефоны, e-mail</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Already there</source>
        <translation>Уже есть</translation>
    </message>
    <message>
        <source>Its phones, e-mails</source>
        <translation>Его телефоны, e-mail</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Почему</translation>
    </message>
    <message>
        <source>Click to choose what to do with this row</source>
        <translation>Нажмите, чтобы выбрать действие для этой строки</translation>
    </message>
    <message>
        <source>(nothing to import)</source>
        <translation>(нечего импортировать)</translation>
    </message>
    <message>
        <source>Merge with it</source>
        <translation>Объединить</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Строка %1: %2</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Duplicates and preview</source>
        <translation>Дубликаты и просмотр</translation>
    </message>
    <message>
        <source>What the import will do with each row. Rows that match a client already in the card index (or an earlier row) are merged unless you choose otherwise.</source>
        <translation>Что импорт сделает с каждой строкой. Строки, совпадающие с клиентом из картотеки (или с одной из предыдущих строк), объединяются, если не выбрать иное.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <source>Merge all duplicates</source>
        <translation>Объединить все дубликаты</translation>
    </message>
    <message>
        <source>Create all as new</source>
        <translation>Создать все как новые</translation>
    </message>
    <message>
        <source>Skip all duplicates</source>
        <translation>Пропустить все дубликаты</translation>
    </message>
    <message>
        <source>Add the new phones, e-mails and notes to the client already there</source>
        <translation>Добавить новые телефоны, e-mail и заметки к уже имеющемуся клиенту</translation>
    </message>
    <message>
        <source>Make a separate client of every row</source>
        <translation>Сделать каждую строку отдельным клиентом</translation>
    </message>
    <message>
        <source>Leave out the rows that are already there</source>
        <translation>Не импортировать строки, которые уже есть</translation>
    </message>
    <message>
        <source>Checking the rows and looking for duplicates…</source>
        <translation>Проверка строк и поиск дубликатов…</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; new client(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; новый клиент</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; новых клиента</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; новых клиентов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; row(s) merged into existing clients</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; строка объединится с имеющимися клиентами</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; строки объединятся с имеющимися клиентами</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; строк объединятся с имеющимися клиентами</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; row(s) skipped</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; строка пропускается</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; строки пропускаются</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; строк пропускаются</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; warning(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; предупреждение</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; предупреждения</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; предупреждений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; new campaign(s): %1</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; новая кампания: %1</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; новые кампании: %1</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; новых кампаний: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>not imported: %1</source>
        <translation>не импортируется: %1</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Строка %1: %2</translation>
    </message>
    <message>
        <source>Not a funnel stage, kept in the notes: %1</source>
        <translation>Не этап воронки, оставлено в заметках: %1</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Проблемы (%1)</translation>
    </message>
    <message>
        <source>No problems found</source>
        <translation>Проблем не найдено</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Print preview — {title}</source>
        <translation>Предварительный просмотр — {title}</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Сохранить в PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>QuickLogBar</name>
    <message>
        <source>Incoming</source>
        <translation>Входящий</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>Исходящий</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Встреча</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Отзыв</translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation>Входящий звонок</translation>
    </message>
    <message>
        <source>Outgoing call</source>
        <translation>Исходящий звонок</translation>
    </message>
    <message>
        <source>Feedback: what the client thinks of the work</source>
        <translation>Отзыв: что клиент думает о работе</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Положительный</translation>
    </message>
    <message>
        <source>Negative: a complaint</source>
        <translation>Отрицательный: жалоба</translation>
    </message>
    <message>
        <source>The card shows a red mark until the complaint is marked resolved</source>
        <translation>Карточка будет отмечена красным, пока жалобу не отметят решённой</translation>
    </message>
    <message>
        <source>How it went:</source>
        <translation>Отзыв:</translation>
    </message>
    <message>
        <source>Subject (optional)</source>
        <translation>Тема (необязательно)</translation>
    </message>
    <message>
        <source>Result: what was said, what was agreed (Enter logs, Shift+Enter breaks the line)</source>
        <translation>Результат: что сказали, о чём договорились (Enter — записать, Shift+Enter — новая строка)</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Записать</translation>
    </message>
    <message>
        <source>Next contact:</source>
        <translation>След. контакт:</translation>
    </message>
</context>
<context>
    <name>RawPreviewModel</name>
    <message>
        <source>The header: column names</source>
        <translation>Заголовок: названия столбцов</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Не импортируется: %1</translation>
    </message>
    <message>
        <source>Not imported: above the table or empty</source>
        <translation>Не импортируется: над таблицей или пустая</translation>
    </message>
</context>
<context>
    <name>RecurrenceEditor</name>
    <message>
        <source>Does not repeat</source>
        <translation>Не повторять</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Ежедневно</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Еженедельно</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Ежемесячно</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>Ежегодно</translation>
    </message>
    <message>
        <source>On day</source>
        <translation>Число</translation>
    </message>
    <message>
        <source>On the last day</source>
        <translation>В последний день</translation>
    </message>
    <message>
        <source>On the</source>
        <translation>День недели:</translation>
    </message>
    <message>
        <source>first</source>
        <translation>первый</translation>
    </message>
    <message>
        <source>second</source>
        <translation>второй</translation>
    </message>
    <message>
        <source>third</source>
        <translation>третий</translation>
    </message>
    <message>
        <source>fourth</source>
        <translation>четвёртый</translation>
    </message>
    <message>
        <source>last</source>
        <translation>последний</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>On</source>
        <translation>До</translation>
    </message>
    <message>
        <source>After</source>
        <translation>После</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Повтор</translation>
    </message>
    <message>
        <source>Day of the month</source>
        <translation>День месяца</translation>
    </message>
    <message>
        <source>Which week of the month</source>
        <translation>Какая неделя месяца</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>День недели</translation>
    </message>
    <message>
        <source>Last date</source>
        <translation>Последняя дата</translation>
    </message>
    <message>
        <source>Number of times</source>
        <translation>Число повторений</translation>
    </message>
    <message numerus="yes">
        <source>time(s)</source>
        <translation>
            <numerusform>повторения</numerusform>
            <numerusform>повторений</numerusform>
            <numerusform>повторений</numerusform>
        </translation>
    </message>
    <message>
        <source>every</source>
        <translation>раз в</translation>
    </message>
    <message>
        <source>Ends:</source>
        <translation>Окончание:</translation>
    </message>
    <message numerus="yes">
        <source>day(s)</source>
        <translation>
            <numerusform>день</numerusform>
            <numerusform>дня</numerusform>
            <numerusform>дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>week(s)</source>
        <translation>
            <numerusform>неделю</numerusform>
            <numerusform>недели</numerusform>
            <numerusform>недель</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>month(s)</source>
        <translation>
            <numerusform>месяц</numerusform>
            <numerusform>месяца</numerusform>
            <numerusform>месяцев</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>year(s)</source>
        <translation>
            <numerusform>год</numerusform>
            <numerusform>года</numerusform>
            <numerusform>лет</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderController</name>
    <message>
        <source>Kartoteka</source>
        <translation>Картотека</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Напоминание</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>и ещё {count}</translation>
    </message>
</context>
<context>
    <name>ReminderWindow</name>
    <message>
        <source>Reminders</source>
        <translation>Напоминания</translation>
    </message>
    <message>
        <source>Due now: {count}</source>
        <translation>Сейчас: {count}</translation>
    </message>
    <message>
        <source>And {count} more; they come back after these.</source>
        <translation>И ещё {count}; они появятся после этих.</translation>
    </message>
</context>
<context>
    <name>ReportFiles</name>
    <message>
        <source>Could not save {path}</source>
        <translation>Не удалось сохранить {path}</translation>
    </message>
</context>
<context>
    <name>ReportFilterPanel</name>
    <message>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Прошлый месяц</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Этот квартал</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>Прошлый квартал</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Этот год</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Прошлый год</translation>
    </message>
    <message>
        <source>Dates…</source>
        <translation>Даты…</translation>
    </message>
    <message>
        <source>What the report shows</source>
        <translation>Что показывает отчёт</translation>
    </message>
    <message>
        <source>Any city or region</source>
        <translation>Любой город или регион</translation>
    </message>
    <message>
        <source>Clients of this city or region</source>
        <translation>Клиенты из этого города или региона</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Период с</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Период по</translation>
    </message>
    <message>
        <source>Report option</source>
        <translation>Вариант отчёта</translation>
    </message>
    <message>
        <source>Responsible filter</source>
        <translation>Фильтр по ответственному</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Воронка</translation>
    </message>
    <message>
        <source>City or region</source>
        <translation>Город или регион</translation>
    </message>
    <message>
        <source>Source filter</source>
        <translation>Фильтр по источнику</translation>
    </message>
    <message>
        <source>Tag filter</source>
        <translation>Фильтр по метке</translation>
    </message>
    <message>
        <source>Any responsible</source>
        <translation>Любой ответственный</translation>
    </message>
    <message>
        <source>All pipelines</source>
        <translation>Все воронки</translation>
    </message>
    <message>
        <source>Any source</source>
        <translation>Любой источник</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Любой тег</translation>
    </message>
</context>
<context>
    <name>ReportOutputActions</name>
    <message>
        <source>Save as Excel workbook</source>
        <translation>Сохранить как книгу Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Книги Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation>Сохранить график</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>Рисунки PNG (*.png)</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Print the report (Ctrl+P)</source>
        <translation>Напечатать отчёт (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Сохранить PDF…</translation>
    </message>
    <message>
        <source>Save chart…</source>
        <translation>Сохранить график…</translation>
    </message>
    <message>
        <source>Save the chart as a PNG picture</source>
        <translation>Сохранить график рисунком PNG</translation>
    </message>
    <message>
        <source>Save xlsx…</source>
        <translation>Сохранить xlsx…</translation>
    </message>
    <message>
        <source>Save the table as an Excel workbook</source>
        <translation>Сохранить таблицу книгой Excel</translation>
    </message>
    <message>
        <source>Plan…</source>
        <translation>План…</translation>
    </message>
    <message>
        <source>Monthly plans of the managers</source>
        <translation>Планы менеджеров на месяц</translation>
    </message>
    <message>
        <source>Calculating…</source>
        <translation>Считаю…</translation>
    </message>
    <message>
        <source>Report table</source>
        <translation>Таблица отчёта</translation>
    </message>
    <message>
        <source>Nothing to show</source>
        <translation>Нечего показать</translation>
    </message>
    <message>
        <source>No data for the chosen period and filters. Try a longer period or fewer filters.</source>
        <translation>Нет данных за выбранный период с этими фильтрами. Выберите период длиннее или уберите часть фильтров.</translation>
    </message>
    <message>
        <source>The report could not be built: {error}</source>
        <translation>Не удалось построить отчёт: {error}</translation>
    </message>
    <message>
        <source>Double-click a row to open its card.</source>
        <translation>Двойной щелчок по строке открывает карточку.</translation>
    </message>
</context>
<context>
    <name>RequisitesEditor</name>
    <message>
        <source>Company name:</source>
        <translation>Название компании:</translation>
    </message>
    <message>
        <source>INN:</source>
        <translation>ИНН:</translation>
    </message>
    <message>
        <source>KPP:</source>
        <translation>КПП:</translation>
    </message>
    <message>
        <source>OGRN / OGRNIP:</source>
        <translation>ОГРН / ОГРНИП:</translation>
    </message>
    <message>
        <source>Legal address:</source>
        <translation>Юридический адрес:</translation>
    </message>
    <message>
        <source>Bank:</source>
        <translation>Банк:</translation>
    </message>
    <message>
        <source>BIK:</source>
        <translation>БИК:</translation>
    </message>
    <message>
        <source>Correspondent account:</source>
        <translation>Корр. счёт:</translation>
    </message>
    <message>
        <source>Settlement account:</source>
        <translation>Расчётный счёт:</translation>
    </message>
    <message>
        <source>Director:</source>
        <translation>Руководитель:</translation>
    </message>
    <message>
        <source>Chief accountant:</source>
        <translation>Главный бухгалтер:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>An INN has 10 digits (organisation) or 12 (sole trader) with a valid check digit.</source>
        <translation>В ИНН 10 цифр (организация) или 12 (ИП) с верным контрольным числом.</translation>
    </message>
    <message>
        <source>A KPP has 9 characters, like 773601001.</source>
        <translation>В КПП 9 знаков, например 773601001.</translation>
    </message>
    <message>
        <source>An OGRN has 13 digits (OGRNIP: 15) with a valid check digit.</source>
        <translation>В ОГРН 13 цифр (в ОГРНИП — 15) с верным контрольным числом.</translation>
    </message>
    <message>
        <source>A BIK has 9 digits.</source>
        <translation>В БИК 9 цифр.</translation>
    </message>
    <message>
        <source>An account number has 20 digits and matches the bank&apos;s BIK.</source>
        <translation>В номере счёта 20 цифр, и он должен соответствовать БИК банка.</translation>
    </message>
    <message>
        <source>This is not an e-mail address.</source>
        <translation>Это не адрес электронной почты.</translation>
    </message>
    <message>
        <source>These details are printed on invoices, proposals and reports.</source>
        <translation>Эти реквизиты печатаются в счетах, коммерческих предложениях и отчётах.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Only the owner may change the requisites.</source>
        <translation>Изменять реквизиты может только владелец.</translation>
    </message>
    <message>
        <source>Not saved: correct the fields marked in red.</source>
        <translation>Не сохранено: исправьте поля, отмеченные красным.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
</context>
<context>
    <name>Restore</name>
    <message>
        <source>Made:</source>
        <translation>Сделана:</translation>
    </message>
    <message>
        <source>Kartoteka version:</source>
        <translation>Версия Картотеки:</translation>
    </message>
    <message>
        <source>Clients:</source>
        <translation>Клиентов:</translation>
    </message>
    <message>
        <source>Deals:</source>
        <translation>Сделок:</translation>
    </message>
    <message>
        <source>Activities:</source>
        <translation>Дел:</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Восстановить из копии</translation>
    </message>
    <message>
        <source>Kartoteka backups (*.kbak *.db)</source>
        <translation>Резервные копии Картотеки (*.kbak *.db)</translation>
    </message>
    <message>
        <source>Replace the current database with this backup?</source>
        <translation>Заменить текущую базу этой копией?</translation>
    </message>
    <message>
        <source>Everything entered after this backup was made will be replaced. The current database is saved first, so this can be undone.</source>
        <translation>Всё, что введено после создания этой копии, будет заменено. Сначала текущая база сохраняется, так что это можно отменить.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <source>The backup {name} is restored.</source>
        <translation>Копия {name} восстановлена.</translation>
    </message>
    <message>
        <source>The database before the restore was saved as
{path}
— you can restore it the same way.</source>
        <translation>База до восстановления сохранена как
{path}
— её можно восстановить так же.</translation>
    </message>
    <message>
        <source>The damaged database was kept as
{path}</source>
        <translation>Повреждённая база сохранена как
{path}</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Восстанавливается копия…</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <source>A deal enters a stage</source>
        <translation>Сделка попадает на этап</translation>
    </message>
    <message>
        <source>A deal is won</source>
        <translation>Сделка выиграна</translation>
    </message>
    <message>
        <source>An invoice of the deal is paid</source>
        <translation>Счёт по сделке оплачен</translation>
    </message>
    <message>
        <source> days later</source>
        <translation> дн. спустя</translation>
    </message>
    <message>
        <source>at once (within an hour)</source>
        <translation>сразу (в течение часа)</translation>
    </message>
    <message>
        <source>What to do: call, collect feedback…</source>
        <translation>Что сделать: позвонить, собрать отзыв…</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Когда:</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>Этап:</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>Запланировать:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Тема:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Срок:</translation>
    </message>
    <message>
        <source>Move the deal to:</source>
        <translation>Перевести сделку в:</translation>
    </message>
    <message>
        <source>{stage} (retired)</source>
        <translation>{stage} (в архиве)</translation>
    </message>
    <message>
        <source>The task is due in 0 to 365 days.</source>
        <translation>Срок задачи — от 0 до 365 дней.</translation>
    </message>
    <message>
        <source>Say what the task is.</source>
        <translation>Напишите, что нужно сделать.</translation>
    </message>
    <message>
        <source>Choose the stage.</source>
        <translation>Выберите этап.</translation>
    </message>
    <message>
        <source>The stage «{name}» is retired; choose another.</source>
        <translation>Этап «{name}» в архиве; выберите другой.</translation>
    </message>
    <message>
        <source>Choose where the deal moves.</source>
        <translation>Выберите, куда перевести сделку.</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <source>On</source>
        <translation>Вкл.</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Правило</translation>
    </message>
    <message>
        <source>(no stage)</source>
        <translation>(этап не выбран)</translation>
    </message>
    <message>
        <source>{stage} (retired)</source>
        <translation>{stage} (в архиве)</translation>
    </message>
    <message>
        <source>When an invoice is paid: move the deal to {stage}</source>
        <translation>Когда счёт оплачен: перевести сделку в {stage}</translation>
    </message>
    <message>
        <source>within an hour</source>
        <translation>в течение часа</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>через %n дн.</numerusform>
            <numerusform>через %n дн.</numerusform>
            <numerusform>через %n дн.</numerusform>
        </translation>
    </message>
    <message>
        <source>{kind} «{subject}» {when}</source>
        <translation>{kind} «{subject}» {when}</translation>
    </message>
    <message>
        <source>When a deal is won: {task}</source>
        <translation>Когда сделка выиграна: {task}</translation>
    </message>
    <message>
        <source>When a deal enters {stage}: {task}</source>
        <translation>Когда сделка попадает в {stage}: {task}</translation>
    </message>
    <message>
        <source>The stage of this rule is retired: the rule does nothing until you choose another stage.</source>
        <translation>Этап этого правила в архиве: правило не срабатывает, пока не выбран другой этап.</translation>
    </message>
    <message>
        <source>The rule works</source>
        <translation>Правило действует</translation>
    </message>
    <message>
        <source>The rule is switched off</source>
        <translation>Правило выключено</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Find a client: name, phone, e-mail, INN…</source>
        <translation>Найти клиента: имя, телефон, e-mail, ИНН…</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>No clients found</source>
        <translation>Клиенты не найдены</translation>
    </message>
</context>
<context>
    <name>SegmentActions</name>
    <message>
        <source>Save filter as segment…</source>
        <translation>Сохранить фильтр как сегмент…</translation>
    </message>
    <message>
        <source>Keep the current filter as a segment: a live list of clients</source>
        <translation>Сохранить текущий фильтр как сегмент — список клиентов, который обновляется сам</translation>
    </message>
    <message>
        <source>Manage segments…</source>
        <translation>Управление сегментами…</translation>
    </message>
    <message>
        <source>Export segment…</source>
        <translation>Экспорт сегмента…</translation>
    </message>
    <message>
        <source>The chosen segment&apos;s clients to .xlsx, .csv or vCard</source>
        <translation>Клиенты выбранного сегмента в .xlsx, .csv или vCard</translation>
    </message>
    <message>
        <source>Campaign…</source>
        <translation>Кампания…</translation>
    </message>
    <message>
        <source>Set the source campaign of the selected clients</source>
        <translation>Указать, из какой кампании пришли выбранные клиенты</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Сегменты</translation>
    </message>
    <message>
        <source>Save the filter as a segment, manage and export segments</source>
        <translation>Сохранить фильтр как сегмент, управлять сегментами и выгружать их</translation>
    </message>
    <message>
        <source>Save segment</source>
        <translation>Сохранение сегмента</translation>
    </message>
    <message>
        <source>Segment “{name}” saved.</source>
        <translation>Сегмент «{name}» сохранён.</translation>
    </message>
    <message>
        <source>Set campaign</source>
        <translation>Назначение кампании</translation>
    </message>
    <message numerus="yes">
        <source>Campaign set for %n client(s).</source>
        <translation>
            <numerusform>Кампания назначена %n клиенту.</numerusform>
            <numerusform>Кампания назначена %n клиентам.</numerusform>
            <numerusform>Кампания назначена %n клиентам.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save filter as segment</source>
        <translation>Сохранить фильтр как сегмент</translation>
    </message>
    <message>
        <source>Name of the segment:</source>
        <translation>Название сегмента:</translation>
    </message>
    <message>
        <source>No campaign</source>
        <translation>Без кампании</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Кампания</translation>
    </message>
    <message numerus="yes">
        <source>Campaign of %n client(s):</source>
        <translation>
            <numerusform>Кампания %n клиента:</numerusform>
            <numerusform>Кампания %n клиентов:</numerusform>
            <numerusform>Кампания %n клиентов:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SegmentCombo</name>
    <message>
        <source>Saved segments (live lists), then the values of the card&apos;s Segment field</source>
        <translation>Сохранённые сегменты (живые списки), затем значения поля «Сегмент» из карточек</translation>
    </message>
</context>
<context>
    <name>SegmentExportDialog</name>
    <message>
        <source>Export segment “{name}”</source>
        <translation>Экспорт сегмента «{name}»</translation>
    </message>
    <message numerus="yes">
        <source>The %n client(s) of the segment</source>
        <translation>
            <numerusform>%n клиент сегмента</numerusform>
            <numerusform>%n клиента сегмента</numerusform>
            <numerusform>%n клиентов сегмента</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SegmentFilterCombo</name>
    <message>
        <source>Segment filter</source>
        <translation>Фильтр по сегменту</translation>
    </message>
    <message>
        <source>Only records of clients in a saved segment (a live list)</source>
        <translation>Только записи клиентов из сохранённого сегмента (живой список)</translation>
    </message>
    <message>
        <source>Any segment</source>
        <translation>Любой сегмент</translation>
    </message>
</context>
<context>
    <name>SegmentsManager</name>
    <message>
        <source>Segments</source>
        <translation>Сегменты</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Новый</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>For example: Bought this year</source>
        <translation>Например: покупали в этом году</translation>
    </message>
    <message>
        <source>Show in the list</source>
        <translation>Показать в списке</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s) in the segment now</source>
        <translation>
            <numerusform>Сейчас в сегменте %n клиент</numerusform>
            <numerusform>Сейчас в сегменте %n клиента</numerusform>
            <numerusform>Сейчас в сегменте %n клиентов</numerusform>
        </translation>
    </message>
    <message>
        <source>New segment</source>
        <translation>Новый сегмент</translation>
    </message>
    <message>
        <source>Change segment</source>
        <translation>Изменение сегмента</translation>
    </message>
    <message>
        <source>Delete segment</source>
        <translation>Удаление сегмента</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Интерфейс</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <source>Light or dark colours; the change shows the next time Kartoteka starts.</source>
        <translation>Светлые или тёмные цвета; изменение вступит в силу при следующем запуске Картотеки.</translation>
    </message>
    <message>
        <source>The language and the look change the next time Kartoteka starts.</source>
        <translation>Язык и тема сменятся при следующем запуске Картотеки.</translation>
    </message>
    <message>
        <source>Keep reminding from the tray when the window is closed</source>
        <translation>Напоминать из трея, когда окно закрыто</translation>
    </message>
    <message>
        <source>This desktop has no system tray; reminders show in a window while Kartoteka runs.</source>
        <translation>В этой среде нет системного трея; напоминания показываются в окне, пока Картотека запущена.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Данные</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Look:</source>
        <translation>Тема:</translation>
    </message>
    <message>
        <source>Database file:</source>
        <translation>Файл базы:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Общие</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Funnel stages</source>
        <translation>Этапы воронки</translation>
    </message>
    <message>
        <source>Client fields</source>
        <translation>Поля клиента</translation>
    </message>
    <message>
        <source>Automation</source>
        <translation>Автоматизация</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Кампании</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Сотрудники</translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <source>Sheet and table</source>
        <translation>Лист и таблица</translation>
    </message>
    <message>
        <source>The header row (column names) is highlighted; grey rows are not imported.</source>
        <translation>Строка заголовка (названия столбцов) выделена; серые строки не импортируются.</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Лист:</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) to import</source>
        <translation>
            <numerusform>%n строка к импорту</numerusform>
            <numerusform>%n строки к импорту</numerusform>
            <numerusform>%n строк к импорту</numerusform>
        </translation>
    </message>
    <message>
        <source>Column names are in row %1; %2.</source>
        <translation>Названия столбцов — в строке %1; %2.</translation>
    </message>
    <message>
        <source>No row of column names was found; the columns are named by letter; %1.</source>
        <translation>Строка с названиями столбцов не найдена; столбцы названы буквами; %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) left out (totals).</source>
        <translation>
            <numerusform>%n строка не импортируется (итоги).</numerusform>
            <numerusform>%n строки не импортируются (итоги).</numerusform>
            <numerusform>%n строк не импортируются (итоги).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StageColumnWidget</name>
    <message>
        <source>Deals at the stage {stage}</source>
        <translation>Сделки на этапе «{stage}»</translation>
    </message>
</context>
<context>
    <name>StageHistoryModel</name>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>created in «{to}»</source>
        <translation>создана на этапе «{to}»</translation>
    </message>
</context>
<context>
    <name>StagesEditor</name>
    <message>
        <source>open</source>
        <translation>открытый</translation>
    </message>
    <message>
        <source>won</source>
        <translation>выигрыш</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>проигрыш</translation>
    </message>
    <message>
        <source>Add pipeline…</source>
        <translation>Добавить воронку…</translation>
    </message>
    <message>
        <source>Show retired stages</source>
        <translation>Показать архивные этапы</translation>
    </message>
    <message>
        <source>List the stages taken off the board too, to bring one back</source>
        <translation>Показать и этапы, убранные с доски, чтобы вернуть нужный</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Этапы</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>Добавить этап</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Цвет…</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>В архив</translation>
    </message>
    <message>
        <source>Double-click a cell to edit it; drag a row to reorder. A retired stage leaves the board, its history stays.</source>
        <translation>Дважды щёлкните ячейку, чтобы изменить её; перетащите строку, чтобы изменить порядок. Этап в архиве исчезает с доски, его история сохраняется.</translation>
    </message>
    <message>
        <source>Pipeline:</source>
        <translation>Воронка:</translation>
    </message>
    <message>
        <source>Bring back</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <source>Reorder stages</source>
        <translation>Изменение порядка этапов</translation>
    </message>
    <message>
        <source>Rename stage</source>
        <translation>Переименование этапа</translation>
    </message>
    <message>
        <source>Change stage probability</source>
        <translation>Изменение вероятности этапа</translation>
    </message>
    <message>
        <source>Change stage kind</source>
        <translation>Изменение типа этапа</translation>
    </message>
    <message>
        <source>Change stuck limit</source>
        <translation>Изменение предела застоя</translation>
    </message>
    <message>
        <source>Change stage colour</source>
        <translation>Изменение цвета этапа</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>Новый этап</translation>
    </message>
    <message>
        <source>New pipeline</source>
        <translation>Новая воронка</translation>
    </message>
    <message>
        <source>Name of the pipeline:</source>
        <translation>Название воронки:</translation>
    </message>
    <message>
        <source>Add pipeline</source>
        <translation>Добавление воронки</translation>
    </message>
    <message>
        <source>Colour of «{name}»</source>
        <translation>Цвет этапа «{name}»</translation>
    </message>
    <message>
        <source>Bring back stage</source>
        <translation>Возврат этапа</translation>
    </message>
    <message>
        <source>Retire stage</source>
        <translation>Этап в архив</translation>
    </message>
</context>
<context>
    <name>StagesModel</name>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Вероятность</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Stuck after</source>
        <translation>Застой после</translation>
    </message>
    <message>
        <source>(retired)</source>
        <translation>(в архиве)</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StartupCheck</name>
    <message>
        <source>Database on a network folder</source>
        <translation>База в сетевой папке</translation>
    </message>
    <message>
        <source>The database {path} is in a network folder. If two computers write to it at once, or the network drops while saving, the file can be damaged.

Keep the database on this computer&apos;s disk, or, for an office where several people work together, use the office mode: one PostgreSQL server that every computer connects to.</source>
        <translation>База {path} лежит в сетевой папке. Если два компьютера пишут в неё одновременно или сеть обрывается во время записи, файл может повредиться.

Держите базу на диске этого компьютера, а для офиса, где работают несколько человек, используйте офисный режим: один сервер PostgreSQL, к которому подключаются все компьютеры.</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>База повреждена</translation>
    </message>
    <message>
        <source>The database file {path} is damaged.</source>
        <translation>Файл базы {path} повреждён.</translation>
    </message>
    <message>
        <source>Restore it from the latest good backup (the damaged file is kept), or open it anyway to save what can still be read.</source>
        <translation>Восстановите её из последней исправной копии (повреждённый файл сохранится) или откройте как есть, чтобы спасти то, что ещё читается.</translation>
    </message>
    <message>
        <source>Restore it from the latest good backup (the damaged file is kept), or keep working to save what can still be read.</source>
        <translation>Восстановите её из последней исправной копии (повреждённый файл сохранится) или продолжайте работу, чтобы спасти то, что ещё читается.</translation>
    </message>
    <message>
        <source>Restore from the latest good backup</source>
        <translation>Восстановить из последней исправной копии</translation>
    </message>
    <message>
        <source>There is no backup in {folder}</source>
        <translation>В {folder} нет резервных копий</translation>
    </message>
    <message>
        <source>Open anyway</source>
        <translation>Открыть как есть</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>Продолжить работу</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Восстановить из копии</translation>
    </message>
    <message>
        <source>None of the backups could be used; the database was not changed.</source>
        <translation>Ни одну из копий не удалось использовать; база не изменена.</translation>
    </message>
</context>
<context>
    <name>TagEdit</name>
    <message>
        <source>Comma-separated, e.g. VIP, wholesale</source>
        <translation>Через запятую, например: VIP, опт</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Resolve complaint</source>
        <translation>Жалоба решена</translation>
    </message>
    <message>
        <source>Reopen complaint</source>
        <translation>Вернуть жалобу</translation>
    </message>
    <message>
        <source>Mark feedback as complaint</source>
        <translation>Отметить отзыв как жалобу</translation>
    </message>
    <message>
        <source>Mark feedback as praise</source>
        <translation>Отметить отзыв как похвалу</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Planned — double-click to complete</source>
        <translation>Запланировано — дважды щёлкните, чтобы выполнить</translation>
    </message>
    <message>
        <source>praise</source>
        <translation>похвала</translation>
    </message>
    <message>
        <source>complaint, resolved</source>
        <translation>жалоба, решена</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>жалоба</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Timeline</source>
        <translation>Лента событий</translation>
    </message>
    <message>
        <source>No calls, e-mails or meetings yet.
Log the first one above.</source>
        <translation>Звонков, писем и встреч пока нет.
Добавьте первую запись выше.</translation>
    </message>
    <message>
        <source>Mark complaint resolved</source>
        <translation>Жалоба решена</translation>
    </message>
    <message>
        <source>Reopen complaint</source>
        <translation>Вернуть жалобу</translation>
    </message>
    <message>
        <source>Mark as complaint</source>
        <translation>Отметить как жалобу</translation>
    </message>
    <message>
        <source>Mark as praise</source>
        <translation>Отметить как похвалу</translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message numerus="yes">
        <source>Call was due %n day(s) ago</source>
        <translation>
            <numerusform>Просрочено на %n день</numerusform>
            <numerusform>Просрочено на %n дня</numerusform>
            <numerusform>Просрочено на %n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>Call is due today</source>
        <translation>Позвонить сегодня</translation>
    </message>
    <message>
        <source>Reschedule</source>
        <translation>Перенести</translation>
    </message>
    <message>
        <source>Log call</source>
        <translation>Итог звонка</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <source>Nothing overdue.</source>
        <translation>Просроченных нет.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Nothing else planned for today.</source>
        <translation>На сегодня больше ничего не запланировано.</translation>
    </message>
    <message>
        <source>Missed contacts</source>
        <translation>Пропущенные контакты</translation>
    </message>
    <message>
        <source>Nobody is waiting for a call.</source>
        <translation>Никто не ждёт звонка.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Today, {day}</source>
        <translation>{day}</translation>
    </message>
    <message>
        <source>Open client card</source>
        <translation>Открыть карточку клиента</translation>
    </message>
    <message>
        <source>Log call</source>
        <translation>Итог звонка</translation>
    </message>
    <message>
        <source>Reschedule</source>
        <translation>Перенести</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Завтра</translation>
    </message>
    <message>
        <source>In 3 days</source>
        <translation>Через 3 дня</translation>
    </message>
    <message>
        <source>Pick a date…</source>
        <translation>Выбрать дату…</translation>
    </message>
</context>
<context>
    <name>TrashFiles</name>
    <message>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>Deleted files</source>
        <translation>Удалённые файлы</translation>
    </message>
    <message>
        <source>No deleted files.</source>
        <translation>Удалённых файлов нет.</translation>
    </message>
    <message>
        <source>Restore files</source>
        <translation>Восстановить файлы</translation>
    </message>
    <message>
        <source>Put the selected files back on their cards</source>
        <translation>Вернуть выбранные файлы в их карточки</translation>
    </message>
    <message>
        <source>Delete files for good…</source>
        <translation>Удалить файлы навсегда…</translation>
    </message>
    <message>
        <source>Delete the selected files for good; a stored copy goes when no other card uses the same file</source>
        <translation>Удалить выбранные файлы навсегда; сохранённая копия удаляется, когда тот же файл не нужен другим карточкам</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) restored.</source>
        <translation>
            <numerusform>%n файл восстановлен.</numerusform>
            <numerusform>%n файла восстановлено.</numerusform>
            <numerusform>%n файлов восстановлено.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>Удалить навсегда</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n file(s) for good? This cannot be undone.</source>
        <translation>
            <numerusform>Удалить %n файл навсегда? Это нельзя отменить.</numerusform>
            <numerusform>Удалить %n файла навсегда? Это нельзя отменить.</numerusform>
            <numerusform>Удалить %n файлов навсегда? Это нельзя отменить.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) deleted for good.</source>
        <translation>
            <numerusform>%n файл удалён навсегда.</numerusform>
            <numerusform>%n файла удалено навсегда.</numerusform>
            <numerusform>%n файлов удалено навсегда.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrashPage</name>
    <message>
        <source>Trash</source>
        <translation>Корзина</translation>
    </message>
    <message>
        <source>Deleted clients stay here until you restore them or delete them for good.</source>
        <translation>Удалённые клиенты хранятся здесь, пока вы их не восстановите или не удалите навсегда.</translation>
    </message>
    <message>
        <source>No deleted clients.</source>
        <translation>Удалённых клиентов нет.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <source>Put the selected clients back into the list</source>
        <translation>Вернуть выбранных клиентов в список</translation>
    </message>
    <message>
        <source>Delete for good…</source>
        <translation>Удалить навсегда…</translation>
    </message>
    <message>
        <source>Delete the selected clients with all their history</source>
        <translation>Удалить выбранных клиентов со всей их историей</translation>
    </message>
    <message>
        <source>Restore from trash</source>
        <translation>Восстановление из корзины</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s) restored.</source>
        <translation>
            <numerusform>Восстановлен %n клиент.</numerusform>
            <numerusform>Восстановлено %n клиента.</numerusform>
            <numerusform>Восстановлено %n клиентов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>Удалить навсегда</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n client(s) for good, with their calls, deals and notes? This cannot be undone.</source>
        <translation>
            <numerusform>Удалить навсегда %n клиента вместе со звонками, сделками и заметками? Это нельзя отменить.</numerusform>
            <numerusform>Удалить навсегда %n клиентов вместе со звонками, сделками и заметками? Это нельзя отменить.</numerusform>
            <numerusform>Удалить навсегда %n клиентов вместе со звонками, сделками и заметками? Это нельзя отменить.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n client(s) deleted for good.</source>
        <translation>
            <numerusform>%n клиент удалён навсегда.</numerusform>
            <numerusform>%n клиента удалены навсегда.</numerusform>
            <numerusform>%n клиентов удалено навсегда.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ValuesModel</name>
    <message>
        <source>Value in the file</source>
        <translation>Значение в файле</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Строк</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>Станет</translation>
    </message>
    <message>
        <source>Keep in the notes</source>
        <translation>Оставить в заметках</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Not a stage the program knows: choose one, or keep it in the notes</source>
        <translation>Программа не знает такого этапа: выберите этап или оставьте значение в заметках</translation>
    </message>
</context>
<context>
    <name>VatCombo</name>
    <message>
        <source>VAT</source>
        <translation>НДС</translation>
    </message>
    <message>
        <source>Invoices print the VAT included in the prices, or «Без НДС»</source>
        <translation>В счетах печатается НДС, включённый в цены, или «Без НДС»</translation>
    </message>
    <message>
        <source>No VAT</source>
        <translation>Без НДС</translation>
    </message>
    <message>
        <source>included in the prices</source>
        <translation>включён в цены</translation>
    </message>
    <message>
        <source>VAT:</source>
        <translation>НДС:</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Kartoteka</source>
        <translation>Добро пожаловать в Картотеку</translation>
    </message>
    <message>
        <source>Welcome to Kartoteka!</source>
        <translation>Добро пожаловать в Картотеку!</translation>
    </message>
    <message>
        <source>Your clients, calls, deals and reminders in one card index on this computer. Three questions, then choose how to begin.</source>
        <translation>Клиенты, звонки, сделки и напоминания — в одной картотеке на этом компьютере. Три вопроса, а затем выберите, с чего начать.</translation>
    </message>
    <message>
        <source>For example: Romashka LLC</source>
        <translation>Например: ООО «Ромашка»</translation>
    </message>
    <message>
        <source>Phone numbers typed without a country code are read as numbers of this country.</source>
        <translation>Номера, набранные без кода страны, считаются номерами этой страны.</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <source>The language changes the next time Kartoteka starts.</source>
        <translation>Язык сменится при следующем запуске Картотеки.</translation>
    </message>
    <message>
        <source>Company name:</source>
        <translation>Название компании:</translation>
    </message>
    <message>
        <source>Phone country:</source>
        <translation>Страна телефонов:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>Начать с чистого листа</translation>
    </message>
    <message>
        <source>An empty card index: add clients as they come</source>
        <translation>Пустая картотека: добавляйте клиентов по мере появления</translation>
    </message>
    <message>
        <source>Open the demo database</source>
        <translation>Открыть демо-базу</translation>
    </message>
    <message>
        <source>{count} made-up clients with deals and calls, to try everything out</source>
        <translation>{count} вымышленных клиентов со сделками и звонками, чтобы всё попробовать</translation>
    </message>
    <message>
        <source>Import my spreadsheet</source>
        <translation>Импортировать мою таблицу</translation>
    </message>
    <message>
        <source>Bring in clients from Excel, a 1C export or a phone&apos;s contacts</source>
        <translation>Перенести клиентов из Excel, выгрузки 1С или контактов телефона</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Восстановить из резервной копии</translation>
    </message>
    <message>
        <source>Continue with the data of a Kartoteka backup (.kbak)</source>
        <translation>Продолжить работу с данными из копии Картотеки (.kbak)</translation>
    </message>
    <message>
        <source>Creating the demo clients, deals and calls…</source>
        <translation>Создаются демо-клиенты, сделки и звонки…</translation>
    </message>
    <message>
        <source>Russia</source>
        <translation>Россия</translation>
    </message>
    <message>
        <source>Belarus</source>
        <translation>Беларусь</translation>
    </message>
    <message>
        <source>Kazakhstan</source>
        <translation>Казахстан</translation>
    </message>
    <message>
        <source>Ukraine</source>
        <translation>Украина</translation>
    </message>
    <message>
        <source>Uzbekistan</source>
        <translation>Узбекистан</translation>
    </message>
    <message>
        <source>Kyrgyzstan</source>
        <translation>Киргизия</translation>
    </message>
    <message>
        <source>Tajikistan</source>
        <translation>Таджикистан</translation>
    </message>
    <message>
        <source>Armenia</source>
        <translation>Армения</translation>
    </message>
    <message>
        <source>Georgia</source>
        <translation>Грузия</translation>
    </message>
    <message>
        <source>Azerbaijan</source>
        <translation>Азербайджан</translation>
    </message>
    <message>
        <source>Moldova</source>
        <translation>Молдова</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Германия</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>США</translation>
    </message>
    <message>
        <source>Everything is kept in one file on this computer:&lt;br&gt;{path}</source>
        <translation>Все данные хранятся в одном файле на этом компьютере:&lt;br&gt;{path}</translation>
    </message>
    <message>
        <source>Kartoteka backs it up by itself every day and when it closes, into the folder&lt;br&gt;{folder}</source>
        <translation>Картотека сама делает резервную копию каждый день и при закрытии, в папку&lt;br&gt;{folder}</translation>
    </message>
</context>
<context>
    <name>WorkWords</name>
    <message numerus="yes">
        <source>%n planned activity(-ies)</source>
        <translation>
            <numerusform>%n запланированное дело</numerusform>
            <numerusform>%n запланированных дела</numerusform>
            <numerusform>%n запланированных дел</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n клиент</numerusform>
            <numerusform>%n клиента</numerusform>
            <numerusform>%n клиентов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open deal(s)</source>
        <translation>
            <numerusform>%n открытая сделка</numerusform>
            <numerusform>%n открытые сделки</numerusform>
            <numerusform>%n открытых сделок</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Header</name>
    <message>
        <source>+{count} more</source>
        <translation>ещё {count}</translation>
    </message>
</context>
<context>
    <name>_Optional</name>
    <message>
        <source>Set a date</source>
        <translation>Указать дату</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>не задано</translation>
    </message>
    <message>
        <source>{field}: set</source>
        <translation>{field}: задано</translation>
    </message>
</context>
<context>
    <name>_ReminderRow</name>
    <message>
        <source>(no subject)</source>
        <translation>(без темы)</translation>
    </message>
    <message>
        <source>Open client</source>
        <translation>Открыть клиента</translation>
    </message>
    <message>
        <source>10 min</source>
        <translation>10 мин</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 час</translation>
    </message>
    <message>
        <source>Tomorrow 9:00</source>
        <translation>Завтра в 9:00</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Stop reminding; the activity stays planned</source>
        <translation>Больше не напоминать; дело останется запланированным</translation>
    </message>
    <message>
        <source>Snooze:</source>
        <translation>Отложить:</translation>
    </message>
    <message>
        <source>Planned for {date} at {time}</source>
        <translation>Запланировано на {date}, {time}</translation>
    </message>
    <message>
        <source>reminded while Kartoteka was closed</source>
        <translation>напоминание пришло, пока Картотека была закрыта</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>просрочено</translation>
    </message>
</context>
<context>
    <name>_RowsEditor</name>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
</context>
</TS>
