<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BadgeBatchDialog</name>
    <message>
        <location filename="../../wimc_desktop/ui/badge_batch_dialog.py" line="30"/>
        <source>Badges to PDF</source>
        <translation>胸卡导出为 PDF</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badge_batch_dialog.py" line="32"/>
        <source>These badge codes (one a line):</source>
        <translation>以下胸卡号（每行一个）：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badge_batch_dialog.py" line="34"/>
        <source>Every guest of a category:</source>
        <translation>某一类别的全部嘉宾：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badge_batch_dialog.py" line="38"/>
        <source>All VIPs</source>
        <translation>全部贵宾</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badge_batch_dialog.py" line="39"/>
        <source>All badges not printed yet</source>
        <translation>全部尚未打印的胸卡</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badge_batch_dialog.py" line="45"/>
        <source>Hanging badge (100 × 140 mm)</source>
        <translation>挂牌（100 × 140 毫米）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badge_batch_dialog.py" line="46"/>
        <source>Card (85.6 × 54 mm)</source>
        <translation>卡片（85.6 × 54 毫米）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badge_batch_dialog.py" line="53"/>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
</context>
<context>
    <name>BadgeCard</name>
    <message>
        <location filename="../../wimc_desktop/ui/badge_card.py" line="159"/>
        <source>Checked in on %1 at %2 (%3).</source>
        <translation>已于 %1 %2 签到（%3）。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badge_card.py" line="158"/>
        <source>Not checked in on %1.</source>
        <translation>%1 未签到。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badge_card.py" line="77"/>
        <source>Scan a badge or type its code, then press Enter.</source>
        <translation>请扫描胸卡或输入胸卡号，然后按回车。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badge_card.py" line="104"/>
        <source>Seat %1</source>
        <translation>座位 %1</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badge_card.py" line="106"/>
        <source>Attends on site</source>
        <translation>线下参会</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badge_card.py" line="107"/>
        <source>Attends online</source>
        <translation>线上参会</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badge_card.py" line="113"/>
        <source>New badge code: %1</source>
        <translation>新胸卡号：%1</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badge_card.py" line="131"/>
        <source>Badge %1 is active.</source>
        <translation>胸卡 %1 有效。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badge_card.py" line="132"/>
        <source>Badge %1 is REVOKED: it was replaced by %2, the guest&apos;s current badge.</source>
        <translation>胸卡 %1 已作废：已由 %2 取代，%2 为该嘉宾当前的胸卡。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badge_card.py" line="139"/>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badge_card.py" line="148"/>
        <source>Not printed yet.</source>
        <translation>尚未打印。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../wimc_desktop/ui/badge_card.py" line="150"/>
        <source>Printed %Ln times, last at %1 by %2.</source>
        <translation>
            <numerusform>已打印 %Ln 次，最近一次：%1，%2。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badge_card.py" line="163"/>
        <source>Not checked in today.</source>
        <translation>今日未签到。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badge_card.py" line="164"/>
        <source>Checked in today at %1 (%2).</source>
        <translation>今日 %1 已签到（%2）。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badge_card.py" line="138"/>
        <source>replaced by the guest list %1</source>
        <translation>导入嘉宾名单 %1 时更换</translation>
    </message>
</context>
<context>
    <name>BadgesPage</name>
    <message>
        <location filename="../../wimc_desktop/ui/badges_page.py" line="487"/>
        <source>Scan a badge, or type its code or the guest&apos;s name…</source>
        <translation>扫描胸卡，或输入胸卡号或嘉宾姓名……</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badges_page.py" line="300"/>
        <source>No badge has the code %1, and no guest is called that.</source>
        <translation>没有胸卡号为 %1 的胸卡，也没有叫这个名字的嘉宾。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badges_page.py" line="338"/>
        <source>Reprint a badge</source>
        <translation>重新打印胸卡</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badges_page.py" line="339"/>
        <source>%1
Print it again? Give the reason (lost, damaged…):</source>
        <translation>%1
确定重新打印？请填写原因（遗失、损坏……）：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badges_page.py" line="359"/>
        <source>Print badge</source>
        <translation>打印胸卡</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badges_page.py" line="389"/>
        <source>Save badges as PDF</source>
        <translation>胸卡另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badges_page.py" line="390"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badges_page.py" line="438"/>
        <source>No badge matches that choice; nothing was saved.</source>
        <translation>没有符合所选条件的胸卡，未保存任何文件。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../wimc_desktop/ui/badges_page.py" line="446"/>
        <source>%Ln of these badges were printed before.</source>
        <translation>
            <numerusform>其中 %Ln 张胸卡此前已打印过。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badges_page.py" line="456"/>
        <source>Reissue a badge</source>
        <translation>补发胸卡</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badges_page.py" line="457"/>
        <source>A new code for %1; badge %2 stops working at once, for good.
Why is the badge reissued?</source>
        <translation>为 %1 补发新胸卡号；胸卡 %2 将立即永久作废。
补发原因：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badges_page.py" line="479"/>
        <source>Badge reissued</source>
        <translation>胸卡已补发</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badges_page.py" line="480"/>
        <source>New badge code: %1</source>
        <translation>新胸卡号：%1</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badges_page.py" line="486"/>
        <source>Badges</source>
        <translation>胸卡</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badges_page.py" line="489"/>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badges_page.py" line="490"/>
        <source>Hanging badge (100 × 140 mm)</source>
        <translation>挂牌（100 × 140 毫米）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badges_page.py" line="491"/>
        <source>Card (85.6 × 54 mm)</source>
        <translation>卡片（85.6 × 54 毫米）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badges_page.py" line="492"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badges_page.py" line="493"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badges_page.py" line="494"/>
        <source>Reissue…</source>
        <translation>补发…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badges_page.py" line="495"/>
        <source>Give the guest a new code; the old badge is revoked</source>
        <translation>为嘉宾补发新胸卡号，旧胸卡随即作废</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/badges_page.py" line="497"/>
        <source>Batch PDF…</source>
        <translation>批量导出 PDF…</translation>
    </message>
</context>
<context>
    <name>CeremonyView</name>
    <message numerus="yes">
        <location filename="../../wimc_desktop/ui/ceremony_view.py" line="142"/>
        <source>%Ln projects signed</source>
        <translation>
            <numerusform>已签约 %Ln 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/ceremony_view.py" line="147"/>
        <source>Latest signing</source>
        <translation>最新签约</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/ceremony_view.py" line="156"/>
        <source>Signing ceremony — stage screen</source>
        <translation>签约仪式——舞台大屏</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/ceremony_view.py" line="159"/>
        <source>Major Project Signing Ceremony</source>
        <translation>重大项目签约仪式</translation>
    </message>
</context>
<context>
    <name>CheckInBanner</name>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_banner.py" line="37"/>
        <source>d MMM yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_banner.py" line="166"/>
        <source>Ready — scan a badge or type a name</source>
        <translation>就绪 — 请扫描胸卡或输入姓名</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_banner.py" line="168"/>
        <source>Admission undone</source>
        <translation>已撤销签到</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_banner.py" line="169"/>
        <source>No longer counted as admitted on %1.</source>
        <translation>%1 不再计为已签到。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_banner.py" line="162"/>
        <source>Undo (Ctrl+Z)</source>
        <translation>撤销（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_banner.py" line="177"/>
        <source>Checking %1…</source>
        <translation>正在核验 %1…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_banner.py" line="179"/>
        <source>Waiting for the database…</source>
        <translation>正在等待数据库…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_banner.py" line="180"/>
        <source>The event database is busy. %1 is kept and checked in as soon as it is free.</source>
        <translation>活动数据库正忙。%1 已保留，数据库空闲后立即签到。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_banner.py" line="184"/>
        <source>Not checked in — the database is busy</source>
        <translation>未签到——数据库正忙</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_banner.py" line="185"/>
        <source>%1 was not checked in: another program kept the event database busy. Scan it again.</source>
        <translation>%1 未签到：其他程序一直占用活动数据库。请重新扫描。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_banner.py" line="190"/>
        <source>Admitted</source>
        <translation>签到成功</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_banner.py" line="195"/>
        <source>Badge revoked</source>
        <translation>胸卡已作废</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_banner.py" line="196"/>
        <source>Badge revoked — the current badge is %1</source>
        <translation>胸卡已作废 — 现用胸卡为 %1</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_banner.py" line="199"/>
        <source>%1 is not a day of this event — choose the event day</source>
        <translation>%1 不是本次活动的会期，请选择会期中的日期</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_banner.py" line="202"/>
        <source>Unknown badge code %1</source>
        <translation>未知胸卡号 %1</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_banner.py" line="203"/>
        <source>No badge code or guest matches “%1”</source>
        <translation>没有与“%1”相符的胸卡号或嘉宾</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_banner.py" line="207"/>
        <source>Already checked in</source>
        <translation>此前已签到</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_banner.py" line="210"/>
        <source>Already checked in at %1 by %2</source>
        <translation>已于 %1 在 %2 签到</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_banner.py" line="212"/>
        <source>Already checked in at %1 by %2 (%3)</source>
        <translation>已于 %1 在 %2 签到（%3）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_banner.py" line="221"/>
        <source>Registered online — now counted on site</source>
        <translation>原为线上参会 — 现计入线下</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_banner.py" line="223"/>
        <source>Walk-in, new badge %1</source>
        <translation>现场登记，新胸卡号 %1</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_banner.py" line="280"/>
        <source>★ VIP</source>
        <translation>★ 贵宾</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_banner.py" line="285"/>
        <source>Seat %1</source>
        <translation>座位 %1</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_banner.py" line="217"/>
        <source>This desk&apos;s admission at %1 was a duplicate: the hub kept the earlier one</source>
        <translation>本签到台 %1 的签到为重复签到：中心库保留了更早的一次</translation>
    </message>
</context>
<context>
    <name>CheckInPage</name>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_page.py" line="536"/>
        <source>Undo an admission</source>
        <translation>撤销签到</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_page.py" line="537"/>
        <source>%1 was admitted by someone else or more than 2 minutes ago. Why is the admission undone?</source>
        <translation>%1 的签到由其他操作员办理，或已超过 2 分钟。请说明撤销签到的原因：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_page.py" line="639"/>
        <source>Check-in desk</source>
        <translation>签到台</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_page.py" line="473"/>
        <source>Scan a badge or type a name…</source>
        <translation>扫描胸卡，或输入姓名…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_page.py" line="465"/>
        <source>Filtered: %1  ✕</source>
        <translation>已筛选：%1  ✕</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_page.py" line="466"/>
        <source>The name search shows only guests matching these filters. Click to search everyone.</source>
        <translation>姓名搜索只显示符合这些筛选条件的嘉宾。点击可搜索全部嘉宾。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_page.py" line="470"/>
        <source>Scan a badge or type a name (filtered: %1)…</source>
        <translation>扫描胸卡，或输入姓名（已筛选：%1）…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_page.py" line="512"/>
        <source>Nothing was undone: undoing an admission made by someone else or more than 2 minutes ago needs a reason.</source>
        <translation>未撤销：撤销他人办理或超过 2 分钟的签到需要填写原因。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_page.py" line="556"/>
        <source>Waiting for the database to undo the admission of %1…</source>
        <translation>正在等待数据库，以撤销 %1 的签到…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_page.py" line="564"/>
        <source>Nothing was undone: another program kept the event database busy. %1 is still admitted; undo it again.</source>
        <translation>未撤销：另一程序一直占用活动数据库。%1 仍为已签到，请再撤销一次。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_page.py" line="436"/>
        <source>the database was busy: scan again</source>
        <translation>数据库忙：请重新扫描</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_page.py" line="437"/>
        <source>already checked in</source>
        <translation>此前已签到</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_page.py" line="438"/>
        <source>unknown badge code</source>
        <translation>未知胸卡号</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_page.py" line="439"/>
        <source>badge revoked</source>
        <translation>胸卡已作废</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_page.py" line="440"/>
        <source>not a day of this event</source>
        <translation>不是本次活动的会期</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_page.py" line="447"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_page.py" line="451"/>
        <source>%1 more</source>
        <translation>另有 %1 位</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_page.py" line="454"/>
        <source>Scans not admitted: %1</source>
        <translation>未签到的扫描：%1</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_page.py" line="455"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_page.py" line="644"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_page.py" line="645"/>
        <source>These guests have been told: clear the list</source>
        <translation>已告知这些来宾：清空此列表</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_page.py" line="493"/>
        <source>Nothing was undone: the banner shows no admission to undo. To undo an earlier one, choose it in the list of last admissions and click “Undo the selected admission”.</source>
        <translation>未撤销：横幅上没有可撤销的签到。要撤销更早的签到，请在“本台最近签到”列表中选中它，再点“撤销所选签到”。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_page.py" line="641"/>
        <source>A badge code, or part of a name (Hanzi, pinyin, initials), organization, phone number or e-mail</source>
        <translation>胸卡号，或姓名（汉字、拼音、首字母）、单位、手机号、邮箱的一部分</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_page.py" line="643"/>
        <source>Walk-in…</source>
        <translation>现场登记…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/checkin_page.py" line="647"/>
        <source>Register a guest who is not on the list, give them a badge code and admit them</source>
        <translation>为名单外的嘉宾现场登记、分配胸卡号并签到</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../wimc_desktop/ui/dashboard.py" line="280"/>
        <source>Arrivals on %1</source>
        <translation>%1 到场情况</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/dashboard.py" line="282"/>
        <source>of %1 expected on site</source>
        <translation>/ 应到（线下）%1 人</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/dashboard.py" line="301"/>
        <source>… and %1 more</source>
        <translation>……另有 %1 人</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/dashboard.py" line="304"/>
        <source>All VIPs have arrived.</source>
        <translation>贵宾已全部到场。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/dashboard.py" line="305"/>
        <source>VIPs not yet arrived: %1</source>
        <translation>未到贵宾：%1</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/dashboard.py" line="339"/>
        <source>edited at two desks: %1</source>
        <translation>两个签到台修改了同一项：%1</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/dashboard.py" line="344"/>
        <source>signing cancelled after an amendment at another desk (the cancel stands)</source>
        <translation>签约在另一签到台修改之后被取消（取消有效）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/dashboard.py" line="347"/>
        <source>signing amended after it was cancelled at another desk (not applied)</source>
        <translation>签约已在另一签到台取消后又被修改（修改未生效）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/dashboard.py" line="349"/>
        <source>signing amended at two desks: %1</source>
        <translation>两个签到台修改了签约的同一项：%1</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/dashboard.py" line="340"/>
        <location filename="../../wimc_desktop/ui/dashboard.py" line="350"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/dashboard.py" line="353"/>
        <source>WIMC Desk — Dashboard</source>
        <translation>WIMC 签到台 — 实时看板</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/dashboard.py" line="354"/>
        <source>Arrivals per hour</source>
        <translation>每小时签到人数</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/dashboard.py" line="355"/>
        <source>Arrived / registered by category</source>
        <translation>分类别到场 / 报名</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/dashboard.py" line="356"/>
        <source>VIPs not yet arrived</source>
        <translation>未到贵宾</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/dashboard.py" line="307"/>
        <source>Audit log: %1 rows, chain head %2</source>
        <translation>审计日志：%1 条记录，链头 %2</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/dashboard.py" line="315"/>
        <source>Conflicts between desks: %1</source>
        <translation>签到台之间的冲突：%1</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/dashboard.py" line="337"/>
        <source>admitted twice</source>
        <translation>重复签到</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/dashboard.py" line="342"/>
        <source>revoked badge used</source>
        <translation>使用了已作废的胸卡</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/dashboard.py" line="324"/>
        <source>%1: %2 — kept %3 (%4) %5, also %6 (%7) %8</source>
        <translation>%1：%2 — 保留 %3（%4）%5，另有 %6（%7）%8</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/dashboard.py" line="320"/>
        <source>No conflicts.</source>
        <translation>没有冲突。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/dashboard.py" line="357"/>
        <source>Conflicts between desks</source>
        <translation>签到台之间的冲突</translation>
    </message>
</context>
<context>
    <name>DemoProgressDialog</name>
    <message>
        <location filename="../../wimc_desktop/ui/demo_progress.py" line="50"/>
        <source>Preparing the demo event (one time)</source>
        <translation>正在准备演示活动（仅首次）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/demo_progress.py" line="51"/>
        <source>WIMC 2020 in Nanjing with %1 guests and the closing ceremony&apos;s 30 signings, in this file:</source>
        <translation>WIMC 2020（南京），%1 位嘉宾及闭幕式 30 项签约，保存在以下文件：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/demo_progress.py" line="70"/>
        <source>Opening the event…</source>
        <translation>正在打开活动…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/demo_progress.py" line="76"/>
        <source>Making the guest list: %1 of %2 guests</source>
        <translation>正在生成嘉宾名单：%1 / %2 位</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/demo_progress.py" line="79"/>
        <source>Writing the guests into the event file: %1 of %2</source>
        <translation>正在将嘉宾写入活动文件：%1 / %2 位</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/demo_progress.py" line="82"/>
        <source>Building the search index and adding the signings…</source>
        <translation>正在建立搜索索引并添加签约…</translation>
    </message>
</context>
<context>
    <name>DeskAccess</name>
    <message>
        <location filename="../../wimc_desktop/ui/desk_access.py" line="163"/>
        <source>%1 is not a supervisor: an override needs a supervisor or an admin.</source>
        <translation>%1 不是主管：授权需要主管或管理员。</translation>
    </message>
</context>
<context>
    <name>DeskDialog</name>
    <message>
        <location filename="../../wimc_desktop/ui/desk_dialog.py" line="54"/>
        <source>Desk and operator</source>
        <translation>签到台与操作员</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/desk_dialog.py" line="55"/>
        <source>Every check-in records the desk it was made at and who made it. Other desks see these names.</source>
        <translation>每次签到都会记录签到台和操作员，其他签到台也能看到这些名称。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/desk_dialog.py" line="57"/>
        <source>Desk name:</source>
        <translation>签到台名称：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/desk_dialog.py" line="58"/>
        <source>Operator:</source>
        <translation>操作员：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/desk_dialog.py" line="59"/>
        <source>e.g. Desk 3, North Hall</source>
        <translation>例如：北馆3号台</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/desk_dialog.py" line="60"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
</context>
<context>
    <name>EventStatusBar</name>
    <message>
        <location filename="../../wimc_desktop/ui/event_status_bar.py" line="70"/>
        <source>Guests: %1</source>
        <translation>嘉宾：%1 人</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/event_status_bar.py" line="112"/>
        <source>%1 (no event day)</source>
        <translation>%1（非会期）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/event_status_bar.py" line="114"/>
        <source>Working day: %1</source>
        <translation>签到日期：%1</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/event_status_bar.py" line="115"/>
        <source>(no desk name)</source>
        <translation>（未命名签到台）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/event_status_bar.py" line="122"/>
        <source>Admitted today: %1 / %2 expected</source>
        <translation>今日已签到：%1 / 应到 %2</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/event_status_bar.py" line="128"/>
        <source>d MMM yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/event_status_bar.py" line="133"/>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/event_status_bar.py" line="141"/>
        <source>The desk and the operator recorded on every check-in</source>
        <translation>每次签到记录的签到台和操作员</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/event_status_bar.py" line="144"/>
        <source>No event open</source>
        <translation>未打开活动</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/event_status_bar.py" line="96"/>
        <source>Hub: online since %1</source>
        <translation>中心库：%1 起在线</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/event_status_bar.py" line="97"/>
        <source>Hub: OFFLINE since %1</source>
        <translation>中心库：%1 起离线</translation>
    </message>
    <message numerus="yes">
        <location filename="../../wimc_desktop/ui/event_status_bar.py" line="98"/>
        <source>%Ln pending</source>
        <translation>
            <numerusform>%Ln 条待上传</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/event_status_bar.py" line="100"/>
        <source>last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../wimc_desktop/ui/first_admin_dialog.py" line="76"/>
        <source>The first administrator</source>
        <translation>首位管理员</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/first_admin_dialog.py" line="77"/>
        <source>Give this event operators with passwords and roles: create its first administrator now. Skip it to work as today, with one open desk.</source>
        <translation>为本活动设置带密码和角色的操作员：现在创建首位管理员。跳过则照旧工作（一个开放的签到台）。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/first_admin_dialog.py" line="80"/>
        <source>Name:</source>
        <translation>登录名：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/first_admin_dialog.py" line="80"/>
        <source>Display name:</source>
        <translation>显示名称：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/first_admin_dialog.py" line="81"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/first_admin_dialog.py" line="81"/>
        <source>Once more:</source>
        <translation>再输一次：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/first_admin_dialog.py" line="84"/>
        <source>At least %1 characters; never shared.</source>
        <translation>至少 %1 个字符；不得与他人共用。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/first_admin_dialog.py" line="86"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
</context>
<context>
    <name>Gating</name>
    <message>
        <location filename="../../wimc_desktop/ui/gating.py" line="39"/>
        <source>clerk</source>
        <translation>签到员</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/gating.py" line="40"/>
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/gating.py" line="41"/>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/gating.py" line="55"/>
        <source>Needs a %1 (or a supervisor override)</source>
        <translation>需要%1（或主管授权）</translation>
    </message>
</context>
<context>
    <name>GuestEditDialog</name>
    <message>
        <location filename="../../wimc_desktop/ui/guest_edit_dialog.py" line="173"/>
        <source>Edit guest details</source>
        <translation>修改嘉宾信息</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guest_edit_dialog.py" line="174"/>
        <source>%1 (%2). Every change is recorded in the audit log; on a desk of a hub it goes to every other desk. Personal data is masked: a value typed beside it replaces it, an empty entry keeps it.</source>
        <translation>%1（%2）。每项修改都记入审计日志；在中心库的签到台上修改，会同步到其他各签到台。个人信息已隐藏：在旁边输入的新值将替换原值，留空则保持不变。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guest_edit_dialog.py" line="178"/>
        <source>%1 (%2). Every change is recorded in the audit log; on a desk of a hub it goes to every other desk.</source>
        <translation>%1（%2）。每项修改都记入审计日志；在中心库的签到台上修改，会同步到其他各签到台。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guest_edit_dialog.py" line="183"/>
        <source>%1:</source>
        <comment>a field&apos;s label in a form</comment>
        <translation>%1：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guest_edit_dialog.py" line="187"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guest_edit_dialog.py" line="190"/>
        <source>Type to replace</source>
        <translation>输入以替换</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guest_edit_dialog.py" line="191"/>
        <source>Type to add</source>
        <translation>输入以添加</translation>
    </message>
</context>
<context>
    <name>GuestField</name>
    <message>
        <location filename="../../wimc_desktop/domain/guest_record.py" line="92"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/domain/guest_record.py" line="97"/>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/domain/guest_record.py" line="102"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/domain/guest_record.py" line="105"/>
        <source>Organization</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/domain/guest_record.py" line="111"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/domain/guest_record.py" line="115"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/domain/guest_record.py" line="120"/>
        <source>Attendance</source>
        <translation>参会方式</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/domain/guest_record.py" line="126"/>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/domain/guest_record.py" line="130"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/domain/guest_record.py" line="136"/>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/domain/guest_record.py" line="141"/>
        <source>Badge code</source>
        <translation>胸卡号</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/domain/guest_record.py" line="147"/>
        <source>Seat</source>
        <translation>座位</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/domain/guest_record.py" line="151"/>
        <source>Dietary needs</source>
        <translation>饮食要求</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/domain/guest_record.py" line="156"/>
        <source>Registration no.</source>
        <translation>报名编号</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/domain/guest_record.py" line="161"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/domain/guest_record.py" line="165"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/field_labels.py" line="13"/>
        <source>Checked in</source>
        <translation>已签到</translation>
    </message>
</context>
<context>
    <name>GuestTableModel</name>
    <message>
        <location filename="../../wimc_desktop/ui/guest_table_model.py" line="304"/>
        <source>Checked in on the working day</source>
        <translation>已在工作日签到</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guest_table_model.py" line="319"/>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guest_table_model.py" line="319"/>
        <source>On site</source>
        <translation>线下</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guest_table_model.py" line="321"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guest_table_model.py" line="321"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
</context>
<context>
    <name>GuestsPage</name>
    <message>
        <location filename="../../wimc_desktop/ui/guests_page.py" line="192"/>
        <source>Columns</source>
        <translation>显示列</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guests_page.py" line="260"/>
        <source>The guest&apos;s details were not changed.</source>
        <translation>嘉宾信息未修改。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guests_page.py" line="274"/>
        <source>Show every guest&apos;s full mobile number and e-mail address?</source>
        <translation>显示所有嘉宾完整的手机号码和电子邮箱吗？</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guests_page.py" line="278"/>
        <source>This is personal data. Showing it is recorded in the audit log with your name, the desk and the time.</source>
        <translation>这是个人信息。显示操作将连同您的姓名、签到台和时间记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guests_page.py" line="280"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guests_page.py" line="295"/>
        <source>Contact details could not be shown.</source>
        <translation>无法显示联系方式。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guests_page.py" line="307"/>
        <source>%1 in total</source>
        <translation>共 %1 人</translation>
    </message>
    <message numerus="yes">
        <location filename="../../wimc_desktop/ui/guests_page.py" line="309"/>
        <source>The first %1 of %Ln guests matching “%2”</source>
        <translation>
            <numerusform>与“%2”相符的 %Ln 位嘉宾中的前 %1 位</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guests_page.py" line="312"/>
        <source>No guest matches “%1”.</source>
        <translation>没有与“%1”相符的嘉宾。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../wimc_desktop/ui/guests_page.py" line="314"/>
        <source>%Ln guests match “%1”</source>
        <translation>
            <numerusform>共 %Ln 位嘉宾与“%1”相符</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guests_page.py" line="318"/>
        <source>Guests</source>
        <translation>嘉宾名单</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guests_page.py" line="325"/>
        <source>Correct the selected guest&apos;s details: name, organization, category, contact, seat, notes…</source>
        <translation>修改所选嘉宾的信息：姓名、单位、类别、联系方式、座位、备注…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guests_page.py" line="273"/>
        <location filename="../../wimc_desktop/ui/guests_page.py" line="327"/>
        <source>Show full contact details</source>
        <translation>显示完整联系方式</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guests_page.py" line="320"/>
        <source>Name, pinyin, phone, company or badge code…</source>
        <translation>姓名、拼音、电话、单位或胸卡号……</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guests_page.py" line="324"/>
        <source>Edit details…</source>
        <translation>修改信息…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guests_page.py" line="329"/>
        <source>Phone numbers and e-mail addresses are masked unless this is on.</source>
        <translation>不勾选时，手机号和邮箱只显示部分内容。</translation>
    </message>
</context>
<context>
    <name>HourlyChart</name>
    <message>
        <location filename="../../wimc_desktop/ui/hourly_chart.py" line="76"/>
        <source>No arrivals yet</source>
        <translation>尚无签到</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/hourly_chart.py" line="77"/>
        <source>Guests admitted per hour (local time); the busiest hour in orange</source>
        <translation>每小时签到人数（当地时间）；橙色为高峰时段</translation>
    </message>
</context>
<context>
    <name>ImportCheckPage</name>
    <message>
        <location filename="../../wimc_desktop/ui/import_check_page.py" line="93"/>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_check_page.py" line="123"/>
        <source>The file is clean. Importing it will do this:</source>
        <translation>文件检查无误。导入后将：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_check_page.py" line="135"/>
        <source>Problems found: %1. Nothing will be imported: correct the file (or the column choices) and check it again.</source>
        <translation>发现 %1 个问题，不会导入任何数据。请修改文件（或列的对应关系）后重新检查。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_check_page.py" line="144"/>
        <source>This file cannot be imported: %1</source>
        <translation>无法导入此文件：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../wimc_desktop/ui/import_check_page.py" line="161"/>
        <source>Replace their badge codes (%Ln guests get this file&apos;s codes; their old badges are revoked, as in a reissue)</source>
        <translation>
            <numerusform>替换他们的胸卡号（%Ln 位嘉宾改用本文件中的胸卡号；旧胸卡作废，与补发胸卡相同）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_check_page.py" line="172"/>
        <source>Check every row</source>
        <translation>逐行检查</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_check_page.py" line="173"/>
        <source>A dry run: the whole file is checked, nothing is written.</source>
        <translation>试运行：检查整个文件，不写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_check_page.py" line="174"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
</context>
<context>
    <name>ImportFilePage</name>
    <message>
        <location filename="../../wimc_desktop/ui/import_file_page.py" line="56"/>
        <source>Choose the guest list</source>
        <translation>选择嘉宾名单</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_file_page.py" line="57"/>
        <source>Nothing is written until the last step.</source>
        <translation>在最后一步之前不会写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_file_page.py" line="58"/>
        <source>The file the registration office sent:</source>
        <translation>报名处发来的文件：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_file_page.py" line="59"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_file_page.py" line="61"/>
        <source>Excel workbooks (.xlsx, .xls), CSV files in UTF-8, GB18030 or UTF-16, and Excel&apos;s &quot;Unicode text&quot; (.txt). The header row is found automatically.</source>
        <translation>支持 Excel 工作簿（.xlsx、.xls）、UTF-8 / GB18030 / UTF-16 编码的 CSV 文件，以及 Excel 另存的“Unicode 文本”（.txt）。表头行会自动识别。</translation>
    </message>
</context>
<context>
    <name>ImportPreviewPage</name>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="101"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="134"/>
        <source>This file cannot be imported: %1</source>
        <translation>无法导入此文件：%1</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="162"/>
        <source>Automatic (found: %1)</source>
        <translation>自动（识别为 %1）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="164"/>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="169"/>
        <source>No column was recognised as the guest&apos;s name: choose it below.</source>
        <translation>没有识别出姓名列，请在下方选择。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="201"/>
        <source>Check how the file reads</source>
        <translation>核对文件读取结果</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="197"/>
        <source>Change the encoding if the names look garbled, and say which column holds what.</source>
        <translation>如果姓名显示为乱码，请更换编码；并指定每一列对应的嘉宾字段。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="167"/>
        <source>The first %Ln rows as read:</source>
        <translation>
            <numerusform>读取到的前 %Ln 行：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="194"/>
        <source>Say which column holds what (and which sheet, when the workbook has several).</source>
        <translation>请指定每一列对应的嘉宾字段（工作簿有多张工作表时，还请选择工作表）。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="203"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="203"/>
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="203"/>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="204"/>
        <source>Header row:</source>
        <translation>表头行：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="204"/>
        <source>Rows under the header:</source>
        <translation>表头以下行数：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="149"/>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="212"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="213"/>
        <source>Which column fills which guest field</source>
        <translation>列与嘉宾字段的对应关系</translation>
    </message>
</context>
<context>
    <name>ImportProblem</name>
    <message>
        <location filename="../../wimc_desktop/ui/problem_texts.py" line="18"/>
        <source>missing name</source>
        <translation>缺少姓名</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/problem_texts.py" line="20"/>
        <source>invalid mobile number (11 digits starting with 1, or +country code)</source>
        <translation>手机号码无效（应为以1开头的11位数字，或带国家代码）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/problem_texts.py" line="23"/>
        <source>invalid e-mail address</source>
        <translation>邮箱地址无效</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/problem_texts.py" line="28"/>
        <source>unknown category</source>
        <translation>未知的嘉宾类别</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/problem_texts.py" line="30"/>
        <source>unknown attendance (线下/线上, on site/online)</source>
        <translation>未知的参会方式（应为线下或线上）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/problem_texts.py" line="32"/>
        <source>unknown gender (男/女, M/F)</source>
        <translation>未知的性别（应为男或女）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/problem_texts.py" line="34"/>
        <source>invalid badge code (letters, digits and &apos;-&apos;, at most 32)</source>
        <translation>胸卡号无效（只能包含字母、数字和“-”，最多 32 个字符）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/problem_texts.py" line="38"/>
        <source>too long (more than %1 characters)</source>
        <translation>内容过长（超过 %1 个字符）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/problem_texts.py" line="41"/>
        <source>duplicate badge code (also on row %1)</source>
        <translation>胸卡号重复（第 %1 行也有）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/problem_texts.py" line="44"/>
        <source>duplicate external id (also on row %1)</source>
        <translation>报名编号重复（第 %1 行也有）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/problem_texts.py" line="47"/>
        <source>badge code belongs to another guest</source>
        <translation>胸卡号已属于另一位嘉宾</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/problem_texts.py" line="50"/>
        <source>external id belongs to another guest</source>
        <translation>报名编号已属于另一位嘉宾</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/problem_texts.py" line="53"/>
        <source>the same guest as row %1</source>
        <translation>与第 %1 行是同一位嘉宾</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/problem_texts.py" line="56"/>
        <source>badge code was revoked (replaced by %1)</source>
        <translation>胸卡号已作废（已由 %1 替换）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/problem_texts.py" line="59"/>
        <source>broken quoting: a quote opened on line %1 is never closed properly</source>
        <translation>引号不匹配：第 %1 行开始的引号没有正确闭合</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/problem_texts.py" line="63"/>
        <source>formula with no saved value: open and save the file in Excel, then import again</source>
        <translation>公式没有保存的值：请在 Excel 中打开并保存该文件，然后重新导入</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/problem_texts.py" line="67"/>
        <source>the character %1 at position %2 is not allowed (a control character or a text-direction override)</source>
        <translation>第 %2 个字符 %1 不允许出现（控制字符或文字方向控制符）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/problem_texts.py" line="71"/>
        <source>a line break inside the cell (allowed only in notes and extra columns)</source>
        <translation>单元格内有换行（只有备注和其他列允许换行）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/problem_texts.py" line="75"/>
        <source>a line break inside the cell: the quote opened in row %1 runs from line %2 to line %3 (a stray quote takes in the rows after it)</source>
        <translation>单元格内有换行：第 %1 行开始的引号从第 %2 行一直延续到第 %3 行（多余的引号吞并了后面的行）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/problem_texts.py" line="80"/>
        <source>a cell on line %1 is longer than %2 characters, the most a CSV cell may hold</source>
        <translation>第 %1 行有一个单元格超过 %2 个字符，超出 CSV 单元格的上限</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/problem_texts.py" line="84"/>
        <source>badge code conflict: the guest already has badge code %1, this row gives %2 (replacing it revokes the old badge)</source>
        <translation>胸卡号冲突：该嘉宾已有胸卡号 %1，本行给出的是 %2（替换后旧胸卡作废）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/problem_texts.py" line="25"/>
        <source>invalid resident ID card number (18 characters, the last a check digit 0-9 or X)</source>
        <translation>身份证号码无效（应为18位，最后一位是校验码0-9或X）</translation>
    </message>
</context>
<context>
    <name>ImportRunPage</name>
    <message>
        <location filename="../../wimc_desktop/ui/import_run_page.py" line="73"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_run_page.py" line="87"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../wimc_desktop/ui/import_run_page.py" line="95"/>
        <source>Importing… %1 of %Ln rows</source>
        <translation>
            <numerusform>正在导入… 第 %1 / %Ln 行</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_run_page.py" line="107"/>
        <source>Done. The guest list is imported.</source>
        <translation>完成，嘉宾名单已导入。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_run_page.py" line="119"/>
        <source>Import cancelled. Nothing was imported.</source>
        <translation>已取消导入，未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_run_page.py" line="130"/>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何数据：%1</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_run_page.py" line="140"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_run_page.py" line="141"/>
        <source>All rows are written in one go: a cancelled import leaves the guest list as it was.</source>
        <translation>所有行一次性写入：取消导入后，嘉宾名单保持原样。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_run_page.py" line="143"/>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <location filename="../../wimc_desktop/ui/import_check_page.py" line="27"/>
        <source>%1: %2, %3 updated, %4 unchanged.</source>
        <translation>%1：%2，更新 %3 人，未变 %4 人。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../wimc_desktop/ui/import_check_page.py" line="28"/>
        <source>%Ln rows</source>
        <translation>
            <numerusform>共 %Ln 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../wimc_desktop/ui/import_check_page.py" line="29"/>
        <source>%Ln new guests</source>
        <translation>
            <numerusform>新增嘉宾 %Ln 人</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_check_page.py" line="39"/>
        <source>Badge codes replaced: %1 (the old badges are revoked, as in a reissue).</source>
        <translation>替换的胸卡号：%1 个（旧胸卡作废，与补发胸卡相同）。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../wimc_desktop/ui/import_wizard.py" line="68"/>
        <source>Choose a guest list</source>
        <translation>选择嘉宾名单</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_wizard.py" line="69"/>
        <source>Guest lists (*.xlsx *.xls *.xlsm *.ods *.csv *.txt);;All files (*)</source>
        <translation>嘉宾名单 (*.xlsx *.xls *.xlsm *.ods *.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_wizard.py" line="95"/>
        <source>Import guest list</source>
        <translation>导入嘉宾名单</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../wimc_desktop/ui/login_dialog.py" line="77"/>
        <source>Type the operator&apos;s name, the password and the desk&apos;s name.</source>
        <translation>请输入操作员名称、密码和签到台名称。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/login_dialog.py" line="87"/>
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/login_dialog.py" line="106"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/login_dialog.py" line="106"/>
        <source>Desk locked</source>
        <translation>签到台已锁定</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/login_dialog.py" line="107"/>
        <source>Supervisor override</source>
        <translation>主管授权</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/login_dialog.py" line="109"/>
        <source>This event has operators: log in with your name and password, and name the desk you work at.</source>
        <translation>本活动设有操作员：请用您的名称和密码登录，并填写您所在的签到台。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/login_dialog.py" line="111"/>
        <source>The desk is locked. Your password opens it; another operator may log in instead.</source>
        <translation>签到台已锁定。输入您的密码即可解锁；也可由其他操作员登录。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/login_dialog.py" line="113"/>
        <source>A supervisor takes the next action for you: it is recorded with both names.</source>
        <translation>由主管代您完成下一项操作：记录中将同时留下两人的名字。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/login_dialog.py" line="118"/>
        <source>Supervisor:</source>
        <translation>主管：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/login_dialog.py" line="119"/>
        <source>Operator:</source>
        <translation>操作员：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/login_dialog.py" line="120"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/login_dialog.py" line="121"/>
        <source>Desk name:</source>
        <translation>签到台名称：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="535"/>
        <source>An import or export is still running. Quit anyway?</source>
        <translation>导入或导出仍在进行。仍要退出吗？</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="534"/>
        <source>Quit WIMC Desk?</source>
        <translation>退出 WIMC Desk？</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="269"/>
        <source>Desk 1</source>
        <translation>1号签到台</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="466"/>
        <source>Imported %1: %2 added, %3 updated.</source>
        <translation>已导入 %1：新增 %2 人，更新 %3 人。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="472"/>
        <source>Open event</source>
        <translation>打开活动</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="474"/>
        <source>WIMC events (*.wimc)</source>
        <translation>WIMC 活动文件 (*.wimc)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="484"/>
        <source>The event could not be opened.</source>
        <translation>无法打开该活动。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="496"/>
        <source>The event could not be created.</source>
        <translation>无法创建该活动。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="528"/>
        <source>WIMC Desk %1</source>
        <translation>WIMC Desk 会务签到 %1</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="529"/>
        <source>The registration desk of a large conference: guest list import, check-in, badges, signings and reports.</source>
        <translation>大型会议的签到台：嘉宾名单导入、签到、胸卡、签约和报表。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="554"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="555"/>
        <source>&amp;Import guest list…</source>
        <translation>导入嘉宾名单(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="556"/>
        <source>&amp;Open event…</source>
        <translation>打开活动(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="557"/>
        <source>&amp;New event…</source>
        <translation>新建活动(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="558"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="559"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="562"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="563"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="564"/>
        <source>Supervisor &amp;dashboard</source>
        <translation>主管看板(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="565"/>
        <source>&amp;About WIMC Desk</source>
        <translation>关于 WIMC Desk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="566"/>
        <source>&amp;Desk</source>
        <translation>签到台(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="567"/>
        <source>Desk and &amp;operator…</source>
        <translation>签到台与操作员(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="568"/>
        <source>Register a &amp;walk-in…</source>
        <translation>现场登记(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="569"/>
        <source>&amp;Undo the last admission</source>
        <translation>撤销上一次签到(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="572"/>
        <source>&amp;Print badge at check-in</source>
        <translation>签到时打印胸卡(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="573"/>
        <source>Off</source>
        <translation>不打印</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="574"/>
        <source>First admission of the event only</source>
        <translation>仅在本次大会首次签到时打印</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="575"/>
        <source>Every admission</source>
        <translation>每次签到都打印</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="578"/>
        <source>Check-in desk</source>
        <translation>签到台</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="578"/>
        <source>Guests</source>
        <translation>嘉宾名单</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="578"/>
        <source>Badges</source>
        <translation>胸卡</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="579"/>
        <source>Signings</source>
        <translation>项目签约</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="579"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="401"/>
        <source>The desk is locked: log in, then scan again.</source>
        <translation>签到台已锁定：请先登录，再重新扫码。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="570"/>
        <source>&amp;Lock the desk</source>
        <translation>锁定签到台(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="571"/>
        <source>Supervisor o&amp;verride…</source>
        <translation>主管授权(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="515"/>
        <source>Personal data deleted</source>
        <translation>个人信息已删除</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="516"/>
        <source>The mobile numbers, e-mails, ID card numbers and notes of %1 guests were deleted.</source>
        <translation>已删除 %1 位嘉宾的手机号、邮箱、身份证号和备注。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="560"/>
        <source>&amp;Event</source>
        <translation>活动(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="561"/>
        <source>&amp;Delete personal data…</source>
        <translation>删除个人信息(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="387"/>
        <source>Typed as fast as a scanner into a password field: taken neither as a scan nor as the password. Type the password by hand.</source>
        <translation>密码框中的输入快如扫码枪：既不当作扫码，也不当作密码。请手动输入密码。</translation>
    </message>
</context>
<context>
    <name>MappingEditor</name>
    <message>
        <location filename="../../wimc_desktop/ui/mapping_editor.py" line="63"/>
        <location filename="../../wimc_desktop/ui/mapping_editor.py" line="109"/>
        <location filename="../../wimc_desktop/ui/mapping_editor.py" line="111"/>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/mapping_editor.py" line="98"/>
        <source>Kept in extra data (not a guest field): %1</source>
        <translation>保留为附加信息（不是嘉宾字段）：%1</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/mapping_editor.py" line="101"/>
        <source>Every column of the file fills a guest field.</source>
        <translation>文件的每一列都已对应到嘉宾字段。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../wimc_desktop/ui/messages.py" line="52"/>
        <source>WIMC Desk</source>
        <translation>WIMC Desk 会务签到</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/messages.py" line="69"/>
        <source>That did not work.</source>
        <translation>操作未能完成。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/messages.py" line="76"/>
        <source>Something went wrong inside WIMC Desk.</source>
        <translation>WIMC Desk 内部出现错误。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/messages.py" line="77"/>
        <source>Nothing you did caused this. The details have been written to the log; please pass them on to the support team.</source>
        <translation>这不是您的操作造成的。详细信息已写入日志，请转交技术支持人员。</translation>
    </message>
</context>
<context>
    <name>NewEventDialog</name>
    <message>
        <location filename="../../wimc_desktop/ui/new_event_dialog.py" line="91"/>
        <source>Save the new event as</source>
        <translation>新活动保存为</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/new_event_dialog.py" line="93"/>
        <source>WIMC events (*.wimc)</source>
        <translation>WIMC 活动文件 (*.wimc)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/new_event_dialog.py" line="116"/>
        <source>New event</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/new_event_dialog.py" line="117"/>
        <source>Name (Chinese):</source>
        <translation>中文名称：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/new_event_dialog.py" line="117"/>
        <source>English name:</source>
        <translation>英文名称：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/new_event_dialog.py" line="117"/>
        <source>Venue:</source>
        <translation>场馆：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/new_event_dialog.py" line="118"/>
        <source>City:</source>
        <translation>城市：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/new_event_dialog.py" line="118"/>
        <source>First day:</source>
        <translation>开始日期：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/new_event_dialog.py" line="118"/>
        <source>Last day:</source>
        <translation>结束日期：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/new_event_dialog.py" line="119"/>
        <source>Time zone:</source>
        <translation>时区：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/new_event_dialog.py" line="119"/>
        <source>Event file:</source>
        <translation>活动文件：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/new_event_dialog.py" line="125"/>
        <source>e.g. 2020世界智能制造大会</source>
        <translation>例如：2020世界智能制造大会</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/new_event_dialog.py" line="127"/>
        <source>e.g. World Intelligent Manufacturing Conference 2020</source>
        <translation>例如：World Intelligent Manufacturing Conference 2020</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/new_event_dialog.py" line="128"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
</context>
<context>
    <name>ProblemsView</name>
    <message>
        <location filename="../../wimc_desktop/ui/problems_view.py" line="54"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/problems_view.py" line="54"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/problems_view.py" line="54"/>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/problems_view.py" line="54"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/problems_view.py" line="73"/>
        <source>Copy the list</source>
        <translation>复制问题列表</translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <location filename="../../wimc_desktop/ui/purge_dialog.py" line="45"/>
        <location filename="../../wimc_desktop/ui/purge_dialog.py" line="61"/>
        <source>Delete personal data</source>
        <translation>删除个人信息</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/purge_dialog.py" line="46"/>
        <source>The event “%1” is over. The personal data of its %2 guests is no longer needed and can now be deleted for good, as the personal information protection law asks.</source>
        <translation>活动“%1”已结束。其 %2 位嘉宾的个人信息已不再需要，现在可以按照《个人信息保护法》的要求永久删除。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/purge_dialog.py" line="50"/>
        <source>&lt;b&gt;Deleted:&lt;/b&gt; every guest&apos;s mobile number, e-mail address, dietary needs, ID card number, notes and the other columns of the imported lists, and their copies in the search index. No trace is left in the event file.</source>
        <translation>&lt;b&gt;将删除：&lt;/b&gt;每位嘉宾的手机号、电子邮箱、饮食要求、身份证号、备注以及导入名单中的其他列，连同它们在搜索索引中的副本。活动文件中不留任何痕迹。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/purge_dialog.py" line="55"/>
        <source>&lt;b&gt;Kept:&lt;/b&gt; names, organisations, titles, categories, badge codes, every check-in and signing, and so every figure of the reports. The deletion is recorded in the audit log.</source>
        <translation>&lt;b&gt;将保留：&lt;/b&gt;姓名、单位、职务、类别、胸卡号、全部签到和签约记录，因此报表中的每一项数据都不变。此次删除会记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/purge_dialog.py" line="59"/>
        <source>I understand that this cannot be undone</source>
        <translation>我知道此操作无法撤销</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../wimc_desktop/ui/qt_texts.py" line="17"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/qt_texts.py" line="18"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/qt_texts.py" line="19"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../wimc_desktop/ui/qt_texts.py" line="15"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/qt_texts.py" line="16"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RecentAdmissionsModel</name>
    <message>
        <location filename="../../wimc_desktop/ui/recent_admissions_model.py" line="58"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
</context>
<context>
    <name>RecentAdmissionsPanel</name>
    <message>
        <location filename="../../wimc_desktop/ui/recent_admissions_panel.py" line="148"/>
        <source>Last admissions at this desk</source>
        <translation>本台最近签到</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/recent_admissions_panel.py" line="149"/>
        <source>Undo the selected admission…</source>
        <translation>撤销所选签到…</translation>
    </message>
</context>
<context>
    <name>ReportExportPanel</name>
    <message>
        <location filename="../../wimc_desktop/ui/report_export_panel.py" line="101"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_export_panel.py" line="101"/>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_export_panel.py" line="102"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_export_panel.py" line="103"/>
        <source>Export the daily report</source>
        <translation>导出日报</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_export_panel.py" line="133"/>
        <source>Cancelling…</source>
        <translation>正在取消……</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_export_panel.py" line="148"/>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1……</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_export_panel.py" line="167"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_export_panel.py" line="173"/>
        <source>Export cancelled. No file was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_export_panel.py" line="176"/>
        <source>The report was not exported.</source>
        <translation>日报未导出。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_export_panel.py" line="179"/>
        <source>The report could not be exported.</source>
        <translation>无法导出日报。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_export_panel.py" line="185"/>
        <source>Excel workbook (XLSX)</source>
        <translation>Excel 工作簿（XLSX）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_export_panel.py" line="185"/>
        <source>Check-ins (CSV)</source>
        <translation>签到明细（CSV）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_export_panel.py" line="186"/>
        <source>Sign-off sheet (PDF)</source>
        <translation>签字确认单（PDF）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_export_panel.py" line="191"/>
        <source>Full personal data</source>
        <translation>完整个人信息</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_export_panel.py" line="193"/>
        <source>Off: mobile numbers and e-mail addresses are masked. On: written in full, and the export is recorded in the audit log.</source>
        <translation>关闭：手机号和电子邮箱部分隐藏。开启：完整导出，并记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_export_panel.py" line="195"/>
        <source>Export…</source>
        <translation>导出……</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_export_panel.py" line="196"/>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
</context>
<context>
    <name>ReportSections</name>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="62"/>
        <source>Registered and arrived by category</source>
        <translation>分类别报名与到场</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="63"/>
        <source>Registered: %1 (on site %2, online %3)</source>
        <translation>报名：%1 人（线下 %2，线上 %3）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="67"/>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="97"/>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="101"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="67"/>
        <source>Registered</source>
        <translation>报名</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="68"/>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="83"/>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="85"/>
        <source>Arrived</source>
        <translation>到场</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="68"/>
        <source>Share</source>
        <translation>到场率</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="69"/>
        <source>Arrived so far</source>
        <translation>累计到场</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="72"/>
        <source>Already checked in</source>
        <translation>重复签到</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="73"/>
        <source>Unknown code</source>
        <translation>未知胸卡号</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="74"/>
        <source>Badge replaced</source>
        <translation>胸卡已补换</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="75"/>
        <source>Not an event day</source>
        <translation>非会期</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="77"/>
        <source>Check-ins undone</source>
        <translation>撤销签到</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="78"/>
        <source>Refused scans and undos</source>
        <translation>拒绝的扫码与撤销</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="79"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="79"/>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="82"/>
        <source>Per desk</source>
        <translation>按签到台</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="83"/>
        <source>Desk</source>
        <translation>签到台</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="84"/>
        <source>Per operator</source>
        <translation>按操作员</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="85"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="94"/>
        <source>VIPs arrived: %1</source>
        <translation>已到贵宾：%1</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="96"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="96"/>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="100"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="96"/>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="100"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="97"/>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="100"/>
        <source>Organization</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="98"/>
        <source>VIPs not yet arrived: %1</source>
        <translation>未到贵宾：%1</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="103"/>
        <source>… and %1 more (all are in the exported files)</source>
        <translation>……另有 %1 人（导出文件中列出全部）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="120"/>
        <source>Badges printed</source>
        <translation>胸卡打印</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="121"/>
        <source>of which reprints</source>
        <translation>其中补打</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="122"/>
        <source>Signings this day</source>
        <translation>当日签约项目</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="123"/>
        <source>Amount signed this day</source>
        <translation>当日签约金额</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="124"/>
        <source>Signings so far</source>
        <translation>累计签约项目</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="125"/>
        <source>Amount signed so far</source>
        <translation>累计签约金额</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="126"/>
        <source>Guests arrived so far (any day)</source>
        <translation>累计到场嘉宾（各日）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="127"/>
        <source>Walk-ins so far</source>
        <translation>累计现场注册</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="128"/>
        <source>VIPs arrived so far</source>
        <translation>累计已到贵宾</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="129"/>
        <source>Check-ins undone so far</source>
        <translation>累计撤销签到</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="130"/>
        <source>Scans refused so far</source>
        <translation>累计拒绝扫码</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="131"/>
        <source>Badges printed so far</source>
        <translation>累计胸卡打印</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="132"/>
        <source>of which reprints so far</source>
        <translation>其中累计补打</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="133"/>
        <source>Badges, signings and running totals</source>
        <translation>胸卡、签约与累计数</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="134"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="134"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/report_sections.py" line="138"/>
        <source>%1 — figures as of %2</source>
        <translation>%1 — 数据截至 %2</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../wimc_desktop/ui/reports_page.py" line="159"/>
        <source>Reading the figures…</source>
        <translation>正在读取数据……</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/reports_page.py" line="166"/>
        <source>Day %1: %2</source>
        <translation>第 %1 天：%2</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/reports_page.py" line="185"/>
        <location filename="../../wimc_desktop/ui/reports_page.py" line="186"/>
        <source>The figures could not be read.</source>
        <translation>无法读取数据。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/reports_page.py" line="198"/>
        <source>Registered</source>
        <translation>报名</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/reports_page.py" line="198"/>
        <source>Arrived this day</source>
        <translation>当日到场</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/reports_page.py" line="199"/>
        <source>First arrivals</source>
        <translation>首次到场</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/reports_page.py" line="200"/>
        <source>Returning</source>
        <translation>再次到场</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/reports_page.py" line="200"/>
        <source>Walk-ins</source>
        <translation>现场注册</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/reports_page.py" line="201"/>
        <source>VIPs arrived</source>
        <translation>已到贵宾</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/reports_page.py" line="202"/>
        <source>VIPs not yet arrived</source>
        <translation>未到贵宾</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/reports_page.py" line="205"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/reports_page.py" line="206"/>
        <source>Event day:</source>
        <translation>会议日：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/reports_page.py" line="207"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/reports_page.py" line="208"/>
        <source>Arrivals per hour</source>
        <translation>每小时签到人数</translation>
    </message>
</context>
<context>
    <name>SearchFilterBar</name>
    <message>
        <location filename="../../wimc_desktop/ui/search_filter_bar.py" line="66"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/search_filter_bar.py" line="73"/>
        <source>On site and online</source>
        <translation>线下和线上</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/search_filter_bar.py" line="74"/>
        <source>On site</source>
        <translation>线下</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/search_filter_bar.py" line="75"/>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/search_filter_bar.py" line="76"/>
        <source>Checked in or not</source>
        <translation>全部（不论是否签到）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/search_filter_bar.py" line="77"/>
        <source>Not checked in yet</source>
        <translation>尚未签到</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/search_filter_bar.py" line="78"/>
        <source>Checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/search_filter_bar.py" line="84"/>
        <source>Only guests of this category</source>
        <translation>只看这一类别的嘉宾</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/search_filter_bar.py" line="85"/>
        <source>Only guests on site, or online</source>
        <translation>只看线下或线上参会的嘉宾</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/search_filter_bar.py" line="86"/>
        <source>Only guests checked in on the working day, or not yet</source>
        <translation>只看当前会议日已签到或尚未签到的嘉宾</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../wimc_desktop/ui/search_results_model.py" line="63"/>
        <source>Already checked in on the working day</source>
        <translation>在当前签到日期已签到</translation>
    </message>
</context>
<context>
    <name>SearchResultsPanel</name>
    <message>
        <location filename="../../wimc_desktop/ui/search_results_panel.py" line="136"/>
        <source>%1 guests match “%2”: nobody was admitted. Choose a guest with the arrow keys (or click one), then press Enter.</source>
        <translation>共 %1 位嘉宾与“%2”相符，未办理签到。请用方向键选择一位嘉宾（或点击），再按回车。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/search_results_panel.py" line="140"/>
        <source>No guest matches “%1”.</source>
        <translation>没有与“%1”相符的嘉宾。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/search_results_panel.py" line="142"/>
        <source>The first %1 of %2 guests matching “%3”: type more to narrow the list. ↑↓ choose, Enter admits.</source>
        <translation>与“%3”相符的 %2 位嘉宾中的前 %1 位：继续输入可缩小范围。↑↓ 选择，回车签到。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../wimc_desktop/ui/search_results_panel.py" line="147"/>
        <source>%Ln guests match “%1”. ↑↓ choose, Enter admits.</source>
        <translation>
            <numerusform>共 %Ln 位嘉宾与“%1”相符。↑↓ 选择，回车签到。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SigningDialog</name>
    <message>
        <location filename="../../wimc_desktop/ui/signing_dialog.py" line="195"/>
        <source>Save the signing (Ctrl+Enter)</source>
        <translation>保存签约（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_dialog.py" line="113"/>
        <source>Signing</source>
        <translation>签约项目</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_dialog.py" line="119"/>
        <source>e.g. 5.2亿, 3000万, 12,000,000</source>
        <translation>例如 5.2亿、3000万、12,000,000</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_dialog.py" line="130"/>
        <source>Party</source>
        <translation>签约方</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_dialog.py" line="130"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_dialog.py" line="130"/>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_dialog.py" line="131"/>
        <source>Witness</source>
        <translation>见证人</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_dialog.py" line="131"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_dialog.py" line="134"/>
        <source>Find a guest: name, pinyin, organization…</source>
        <translation>查找嘉宾：姓名、拼音、单位……</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_dialog.py" line="166"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_dialog.py" line="166"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_dialog.py" line="167"/>
        <source>Add the guest found</source>
        <translation>添加所选嘉宾</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_dialog.py" line="180"/>
        <source>Project (Chinese):</source>
        <translation>项目名称（中文）：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_dialog.py" line="181"/>
        <source>Project (English):</source>
        <translation>项目名称（英文）：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_dialog.py" line="182"/>
        <source>Sector:</source>
        <translation>产业领域：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_dialog.py" line="183"/>
        <source>Location:</source>
        <translation>落户地：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_dialog.py" line="184"/>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_dialog.py" line="186"/>
        <source>Currency:</source>
        <translation>币种：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_dialog.py" line="187"/>
        <source>Ceremony:</source>
        <translation>签约仪式：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_dialog.py" line="188"/>
        <source>Signed at:</source>
        <translation>签约时间：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_dialog.py" line="189"/>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_dialog.py" line="193"/>
        <source>Guest lookup (press Enter to search):</source>
        <translation>查找嘉宾（按回车搜索）：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_dialog.py" line="198"/>
        <source>Parties (at least two):</source>
        <translation>签约方（至少两方）：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_dialog.py" line="201"/>
        <source>Witnesses:</source>
        <translation>见证人：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_dialog.py" line="226"/>
        <source>Type the amount as it is said: 5.2亿, 3000万…</source>
        <translation>按口头说法输入金额：5.2亿、3000万……</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_dialog.py" line="333"/>
        <source>Discard this signing?</source>
        <translation>放弃本次签约录入？</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_dialog.py" line="336"/>
        <source>What you typed is not saved.</source>
        <translation>已填写的内容不会保存。</translation>
    </message>
</context>
<context>
    <name>SigningField</name>
    <message>
        <location filename="../../wimc_desktop/ui/field_labels.py" line="26"/>
        <source>Project</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/field_labels.py" line="27"/>
        <source>Project (English)</source>
        <translation>项目名称（英文）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/field_labels.py" line="28"/>
        <source>Sector</source>
        <translation>产业领域</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/field_labels.py" line="29"/>
        <source>Location</source>
        <translation>落户地</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/field_labels.py" line="30"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/field_labels.py" line="31"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/field_labels.py" line="32"/>
        <source>Ceremony</source>
        <translation>签约仪式</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/field_labels.py" line="33"/>
        <source>Signed at</source>
        <translation>签约时间</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/field_labels.py" line="34"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/field_labels.py" line="35"/>
        <source>Parties</source>
        <translation>签约方</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/field_labels.py" line="36"/>
        <source>Witnesses</source>
        <translation>见证人</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/field_labels.py" line="37"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>SigningFilterBar</name>
    <message>
        <location filename="../../wimc_desktop/ui/signing_filter_bar.py" line="65"/>
        <source>All ceremonies</source>
        <translation>全部仪式</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_filter_bar.py" line="65"/>
        <source>All sectors</source>
        <translation>全部领域</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_filter_bar.py" line="66"/>
        <source>All locations</source>
        <translation>全部落户地</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_filter_bar.py" line="66"/>
        <source>All days</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_filter_bar.py" line="67"/>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_filter_bar.py" line="78"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
</context>
<context>
    <name>SigningTableModel</name>
    <message>
        <location filename="../../wimc_desktop/ui/signing_table_model.py" line="74"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_table_model.py" line="74"/>
        <source>Sector</source>
        <translation>产业领域</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_table_model.py" line="74"/>
        <source>Location</source>
        <translation>落户地</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_table_model.py" line="74"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_table_model.py" line="75"/>
        <source>Parties</source>
        <translation>签约方</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_table_model.py" line="75"/>
        <source>Ceremony</source>
        <translation>签约仪式</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_table_model.py" line="75"/>
        <source>Signed at</source>
        <translation>签约时间</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_table_model.py" line="76"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_table_model.py" line="127"/>
        <source>Cancelled after an amendment at another desk (the cancel stands)</source>
        <translation>在另一签到台修改之后被取消（取消有效）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_table_model.py" line="129"/>
        <source>Amended after it was cancelled at another desk (not applied)</source>
        <translation>已在另一签到台取消后又被修改（修改未生效）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_table_model.py" line="131"/>
        <source>Amended at two desks: %1</source>
        <translation>两个签到台修改了同一项：%1</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_table_model.py" line="132"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_table_model.py" line="133"/>
        <source>%1 — kept %2 (%3) %4; also %5 (%6) %7</source>
        <translation>%1 — 保留 %2（%3）%4；另有 %5（%6）%7</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_table_model.py" line="151"/>
        <source>Signed</source>
        <translation>已签约</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_table_model.py" line="152"/>
        <source>Amended</source>
        <translation>已变更</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signing_table_model.py" line="153"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>SigningsPage</name>
    <message>
        <location filename="../../wimc_desktop/ui/signings_page.py" line="222"/>
        <source>A very large amount</source>
        <translation>金额巨大</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signings_page.py" line="223"/>
        <source>%1 is 100 亿元 or more. Is the amount right?</source>
        <translation>%1 达到或超过 100 亿元。金额是否正确？</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signings_page.py" line="234"/>
        <source>The signing was not saved.</source>
        <translation>签约项目未保存。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signings_page.py" line="255"/>
        <source>Amend a signing</source>
        <translation>变更签约项目</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signings_page.py" line="256"/>
        <source>Why is “%1” amended?</source>
        <translation>“%1”的变更原因：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signings_page.py" line="278"/>
        <source>Cancel a signing</source>
        <translation>取消签约项目</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signings_page.py" line="279"/>
        <source>“%1” stays in the register but leaves every total. Why is it cancelled?</source>
        <translation>“%1”仍保留在登记表中，但不再计入任何合计。取消原因：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signings_page.py" line="310"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signings_page.py" line="310"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signings_page.py" line="311"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signings_page.py" line="312"/>
        <source>Export the signing register</source>
        <translation>导出签约登记表</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signings_page.py" line="329"/>
        <source>The register was saved.</source>
        <translation>登记表已保存。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signings_page.py" line="347"/>
        <source>Contract signings</source>
        <translation>项目签约</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signings_page.py" line="348"/>
        <source>Add signing…</source>
        <translation>新增签约…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signings_page.py" line="349"/>
        <source>Amend…</source>
        <translation>变更…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signings_page.py" line="350"/>
        <source>Cancel signing…</source>
        <translation>取消签约…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signings_page.py" line="351"/>
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signings_page.py" line="352"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signings_page.py" line="353"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signings_page.py" line="354"/>
        <source>Stage screen…</source>
        <translation>舞台大屏…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/signings_page.py" line="355"/>
        <source>Open the large-type window for the screen on stage (F11: full screen)</source>
        <translation>打开舞台大屏显示窗口（F11：全屏）</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../wimc_desktop/ui/application.py" line="83"/>
        <source>WIMC Desk cannot open the event database.</source>
        <translation>WIMC Desk 无法打开活动数据库。</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <location filename="../../wimc_desktop/ui/walk_in_dialog.py" line="293"/>
        <source>%1  (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/walk_in_dialog.py" line="337"/>
        <source>This guest may already be on the list: the same name and the same mobile, e-mail or organization. Admit the guest below instead, or register a new guest anyway (recorded).</source>
        <translation>该嘉宾可能已在名单上：姓名相同，且手机、邮箱或单位相同。请改为下列嘉宾签到，或仍然登记为新嘉宾（将被记录）。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/walk_in_dialog.py" line="335"/>
        <source>Edit the details</source>
        <translation>修改信息</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/walk_in_dialog.py" line="334"/>
        <source>Register anyway</source>
        <translation>仍然登记</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/walk_in_dialog.py" line="333"/>
        <source>Admit this guest instead</source>
        <translation>改为该嘉宾签到</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/walk_in_dialog.py" line="294"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/walk_in_dialog.py" line="292"/>
        <source>already admitted on this day</source>
        <translation>当日已签到</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/walk_in_dialog.py" line="288"/>
        <source>same organization</source>
        <translation>单位相同</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/walk_in_dialog.py" line="287"/>
        <source>same e-mail</source>
        <translation>邮箱相同</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/walk_in_dialog.py" line="287"/>
        <source>same mobile</source>
        <translation>手机相同</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/walk_in_dialog.py" line="152"/>
        <source>The name is needed.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/walk_in_dialog.py" line="187"/>
        <source>%1 is not a day of this event — choose the event day</source>
        <translation>%1 不是本次活动的会期，请选择会期中的日期</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/walk_in_dialog.py" line="320"/>
        <source>Register a walk-in</source>
        <translation>现场登记</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/walk_in_dialog.py" line="321"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/walk_in_dialog.py" line="321"/>
        <source>Organization:</source>
        <translation>工作单位：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/walk_in_dialog.py" line="321"/>
        <source>Mobile:</source>
        <translation>手机：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/walk_in_dialog.py" line="322"/>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/walk_in_dialog.py" line="325"/>
        <source>As on their ID card or business card</source>
        <translation>与身份证件或名片一致</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/walk_in_dialog.py" line="326"/>
        <source>11 digits, or +country code</source>
        <translation>11 位数字，或带国家代码</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/walk_in_dialog.py" line="332"/>
        <source>Register and admit</source>
        <translation>登记并签到</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/walk_in_dialog.py" line="343"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/walk_in_dialog.py" line="343"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/walk_in_dialog.py" line="346"/>
        <source>%1 is registered and admitted. Their new badge code is above: print the badge or write it down.</source>
        <translation>%1 已登记并签到。上方是新的胸卡号：请打印胸卡或记下号码。</translation>
    </message>
</context>
<context>
    <name>WorkingDayChooser</name>
    <message>
        <location filename="../../wimc_desktop/ui/working_day.py" line="94"/>
        <source>Today, %1 (no event day)</source>
        <translation>今天 %1（非会期）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/working_day.py" line="97"/>
        <source>Day %1: %2</source>
        <translation>第 %1 天：%2</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/working_day.py" line="99"/>
        <source>%1 (today)</source>
        <translation>%1（今天）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/working_day.py" line="117"/>
        <source>Today, %1, is not a day of this event. Choose an event day above to rehearse or demo the desk.</source>
        <translation>今天（%1）不是本次活动的会期。如需演练或演示，请在右上方选择一个会期日期。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/working_day.py" line="120"/>
        <source>Rehearsal: check-ins are recorded for %1, not for today (%2).</source>
        <translation>演练模式：签到记在 %1，而不是今天（%2）。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/working_day.py" line="129"/>
        <source>Working day:</source>
        <translation>签到日期：</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="61"/>
        <source>not an amount: {text!r} (numerals read digit by digit, like 一二三, are ambiguous: write 一百二十三 or 123)</source>
        <translation>不是金额：{text!r}（像“一二三”这样逐位读出的数字有歧义：请写作“一百二十三”或 123）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="59"/>
        <source>not an amount: {text!r} (the Chinese numerals are out of order or incomplete)</source>
        <translation>不是金额：{text!r}（中文数字顺序错误或不完整）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="136"/>
        <source>{name} may already be on the list ({count} guest(s) with the same name and mobile, e-mail or organization): admit that guest, or register anyway</source>
        <translation>{name} 可能已在名单上（{count} 位嘉宾姓名相同，且手机、邮箱或单位相同）：请为该嘉宾签到，或仍然登记</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="28"/>
        <source>{file}: rejected, nothing imported: no problems listed</source>
        <translation>{file}：文件被拒绝，未导入任何内容：未列出具体问题</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="29"/>
        <source>{file}: rejected, nothing imported: {problem}</source>
        <translation>{file}：文件被拒绝，未导入任何内容：{problem}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="30"/>
        <source>{file}: rejected, nothing imported: {problem} (and {more} more)</source>
        <translation>{file}：文件被拒绝，未导入任何内容：{problem}（另有 {more} 处问题）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="32"/>
        <source>{file}: {problem}</source>
        <translation>{file}：{problem}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="33"/>
        <source>row {row}, column {column!r}, value {value!r}: {reason}</source>
        <translation>第 {row} 行，列 {column!r}，值 {value!r}：{reason}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="34"/>
        <source>row {row}, column {column!r}: {reason}</source>
        <translation>第 {row} 行，列 {column!r}：{reason}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="35"/>
        <source>row {row}, value {value!r}: {reason}</source>
        <translation>第 {row} 行，值 {value!r}：{reason}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="36"/>
        <source>row {row}: {reason}</source>
        <translation>第 {row} 行：{reason}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="46"/>
        <source>seat</source>
        <translation>座位</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="47"/>
        <source>dietary needs</source>
        <translation>饮食要求</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="54"/>
        <source>not an amount: {text!r} (write it like 1,234,567.89, 5.2亿 or 3000万)</source>
        <translation>不是有效的金额：{text!r}（请写成 1,234,567.89、5.2亿 或 3000万 这样的形式）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="56"/>
        <source>{text!r} is more precise than a fen (0.01 元)</source>
        <translation>{text!r} 精确到了分（0.01 元）以下，金额最小只能到分</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="57"/>
        <source>{text!r} is too large (at most {limit} 元)</source>
        <translation>{text!r} 太大了（最多 {limit} 元）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="58"/>
        <source>{amount} is more precise than a fen (0.01 元)</source>
        <translation>{amount} 精确到了分（0.01 元）以下，金额最小只能到分</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="64"/>
        <source>project name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="65"/>
        <source>project en</source>
        <translation>英文项目名称</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="66"/>
        <source>sector</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="67"/>
        <source>location</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="68"/>
        <source>ceremony</source>
        <translation>签约仪式</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="69"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="70"/>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="71"/>
        <source>country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="72"/>
        <source>title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="73"/>
        <source>not a currency code: {text!r} (use CNY, USD, EUR...)</source>
        <translation>不是有效的货币代码：{text!r}（请使用 CNY、USD、EUR 等）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="74"/>
        <source>the signing needs a {field}</source>
        <translation>签约需要填写{field}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="75"/>
        <source>the {field} is longer than {limit} characters</source>
        <translation>{field}超过 {limit} 个字符</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="76"/>
        <source>the amount must be more than zero (got {amount})</source>
        <translation>金额必须大于零（现在是 {amount}）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="77"/>
        <source>the amount {amount} is too large</source>
        <translation>金额 {amount} 太大了</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="78"/>
        <source>a signing needs at least two parties (got {count})</source>
        <translation>签约至少需要两个签约方（现在只有 {count} 个）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="79"/>
        <source>the same party is named twice</source>
        <translation>同一个签约方填写了两次</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="80"/>
        <source>the signing time needs a time zone</source>
        <translation>签约时间需要带时区</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="82"/>
        <source>{path}: the event file is on a network share. SQLite files must be on a local disk; several computers share one event through the PostgreSQL server mode.</source>
        <translation>{path}：活动文件位于网络共享上。SQLite 文件必须放在本机磁盘上；多台电脑共用一个活动，请使用 PostgreSQL 服务器模式。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="103"/>
        <source>{where}: this file is not a WIMC event database (or it is damaged).</source>
        <translation>{where}：此文件不是 WIMC 活动数据库（或者已经损坏）。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="105"/>
        <source>{where}: the database failed: {error}</source>
        <translation>{where}：数据库出错：{error}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="106"/>
        <source>{where}: holds no WIMC event database.</source>
        <translation>{where}：这里没有 WIMC 活动数据库。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="107"/>
        <source>{where}: this event database was written by a newer WIMC Desk (schema {revision}); update the app to open it.</source>
        <translation>{where}：此活动数据库由更新版本的 WIMC Desk 写入（数据库结构版本 {revision}），请先升级本软件再打开。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="110"/>
        <source>{path}: no event database here (create one with init).</source>
        <translation>{path}：这里没有活动数据库（请先用 init 创建）。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="111"/>
        <source>the event needs a name</source>
        <translation>活动需要名称</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="112"/>
        <source>the last day {end} is before the first day {start}</source>
        <translation>最后一天 {end} 早于第一天 {start}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="113"/>
        <source>unknown time zone {timezone!r}</source>
        <translation>未知的时区 {timezone!r}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="114"/>
        <source>{where}: already holds an event database.</source>
        <translation>{where}：已经有一个活动数据库。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="121"/>
        <source>{where}: cannot make the new event file private: {reason}</source>
        <translation>{where}：无法将新的活动文件设为仅本人可读：{reason}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="122"/>
        <source>{where}: holds no event.</source>
        <translation>{where}：其中没有活动。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="124"/>
        <source>cannot sort guests by {sort!r}</source>
        <translation>无法按 {sort!r} 对嘉宾排序</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="126"/>
        <source>no guest with id {id}</source>
        <translation>没有 ID 为 {id} 的嘉宾</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="127"/>
        <source>no check-in with id {id}</source>
        <translation>没有 ID 为 {id} 的签到记录</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="128"/>
        <source>this check-in was already undone</source>
        <translation>这次签到已经撤销过了</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="129"/>
        <source>a reason is required to undo a check-in made by someone else or more than 2 minutes ago</source>
        <translation>撤销他人办理的签到或 2 分钟以前的签到，需要填写原因</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="131"/>
        <source>unknown badge code {code}</source>
        <translation>未知的胸卡号 {code}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="132"/>
        <source>{code} is not checked in on {day}</source>
        <translation>{code} 在 {day} 没有签到</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="134"/>
        <source>a walk-in needs a name</source>
        <translation>现场登记需要填写姓名</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="135"/>
        <source>{value!r}: {reason}</source>
        <translation>{value!r}：{reason}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="140"/>
        <source>{count} badge(s) were printed before ({codes}); give a reason to reprint them</source>
        <translation>有 {count} 张胸卡以前打印过（{codes}），重新打印需要填写原因</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="142"/>
        <source>{code} is revoked; the guest&apos;s current badge is {current}</source>
        <translation>{code} 已作废；该嘉宾现在的胸卡号是 {current}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="143"/>
        <source>unknown badge template {template!r}</source>
        <translation>未知的胸卡模板 {template!r}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="144"/>
        <source>unknown category {category!r}</source>
        <translation>未知的嘉宾类别 {category!r}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="145"/>
        <source>a reissue needs a reason (lost, damaged, name corrected...)</source>
        <translation>补办胸卡需要填写原因（遗失、损坏、更正姓名等）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="147"/>
        <source>{file}: no column {column!r} (columns: {columns})</source>
        <translation>{file}：没有 {column!r} 这一列（现有的列：{columns}）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="148"/>
        <source>unknown field {field!r} in --map (fields: {fields})</source>
        <translation>--map 中的字段 {field!r} 未知（可用的字段：{fields}）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="149"/>
        <source>{file}: only a header row, no guests.</source>
        <translation>{file}：只有表头行，没有嘉宾。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="150"/>
        <source>{file}: no name column found in the header row {row} ({columns}); name it with --map name=COLUMN</source>
        <translation>{file}：第 {row} 行表头中没有找到姓名列（{columns}）；请用 --map name=COLUMN 指定姓名列</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="156"/>
        <source>{file}: the text is neither UTF-8, UTF-16 nor GB18030; save it from Excel as &apos;CSV UTF-8&apos; and try again.</source>
        <translation>{file}：文本编码既不是 UTF-8、UTF-16，也不是 GB18030；请在 Excel 中另存为“CSV UTF-8(逗号分隔)”后重试。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="158"/>
        <source>{file}: the file is empty.</source>
        <translation>{file}：文件是空的。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="161"/>
        <source>{file}: no sheet named {sheet!r} (sheets: {sheets})</source>
        <translation>{file}：没有名为 {sheet!r} 的工作表（现有的工作表：{sheets}）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="164"/>
        <source>{path}: no such file.</source>
        <translation>{path}：文件不存在。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="165"/>
        <source>{file}: the file has no rows.</source>
        <translation>{file}：文件里没有任何内容。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="166"/>
        <source>import cancelled; nothing was written</source>
        <translation>导入已取消，未写入任何内容</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="177"/>
        <source>the checked-in filter needs a day</source>
        <translation>按“已签到”筛选时需要指定日期</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="179"/>
        <source>{target}: is a folder; give a file name</source>
        <translation>{target}：这是一个文件夹，请给出文件名</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="180"/>
        <source>{folder}: no such folder</source>
        <translation>{folder}：文件夹不存在</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="181"/>
        <source>cannot write {path}: {cause}</source>
        <translation>无法写入 {path}：{cause}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="182"/>
        <source>the disk is read-only</source>
        <translation>磁盘为只读</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="183"/>
        <source>permission denied</source>
        <translation>没有写入权限</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="184"/>
        <source>the file is larger than the disk allows</source>
        <translation>文件超出了磁盘允许的大小</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="185"/>
        <source>the file is open in another program</source>
        <translation>文件正被其他程序打开</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="186"/>
        <source>the file is read-only</source>
        <translation>文件为只读</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="187"/>
        <source>the file came out empty</source>
        <translation>写出的文件为空</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="188"/>
        <source>the file came out incomplete ({size} bytes written, {expected} expected)</source>
        <translation>写出的文件不完整（已写入 {size} 字节，应为 {expected} 字节）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="190"/>
        <source>no temporary file could be made beside it</source>
        <translation>无法在同一文件夹中创建临时文件</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="191"/>
        <source>export cancelled; no file was written</source>
        <translation>导出已取消，未写入任何文件</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="192"/>
        <source>unknown language {lang!r} (choose one of: {choices})</source>
        <translation>未知语言 {lang!r}（可选：{choices}）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="193"/>
        <source>unknown format {fmt!r} (choose one of: {choices})</source>
        <translation>未知格式 {fmt!r}（可选：{choices}）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="195"/>
        <source>no signing with id {id}</source>
        <translation>没有 ID 为 {id} 的签约</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="196"/>
        <source>this signing was cancelled; it cannot be amended any more</source>
        <translation>此签约已取消，不能再变更</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="197"/>
        <source>a signing is amended only with a reason</source>
        <translation>变更签约需要填写原因</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="198"/>
        <source>this signing was cancelled; it cannot be cancelled any more</source>
        <translation>此签约已经取消过了，不能再次取消</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="200"/>
        <source>a signing is cancelled only with a reason</source>
        <translation>取消签约需要填写原因</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="201"/>
        <source>this signing was changed meanwhile (by another desk?); reload it and amend again</source>
        <translation>此签约在您编辑期间已被修改（可能是另一个服务台）；请重新打开后再变更</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="203"/>
        <source>nothing changed: the amendment says what the signing says</source>
        <translation>没有任何改动：变更内容与原签约完全相同</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="204"/>
        <source>give at least 4 characters of a signing id, not {text!r}</source>
        <translation>签约 ID 至少需要输入 4 个字符，{text!r} 不够</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="205"/>
        <source>{text} matches several signings; give more of the id</source>
        <translation>{text} 对应多条签约，请输入更长的 ID</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="231"/>
        <source>cannot paint the badges (the output cannot be written)</source>
        <translation>无法生成胸卡（输出无法写入）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="232"/>
        <source>the PDF cannot be written</source>
        <translation>无法写入 PDF 文件</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="233"/>
        <source>no font with Chinese characters is installed; install Noto Sans CJK (Debian/Ubuntu: apt install fonts-noto-cjk)</source>
        <translation>没有安装含中文字符的字体；请安装 Noto Sans CJK（Debian/Ubuntu：apt install fonts-noto-cjk）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="245"/>
        <source>choose the badges with one of: CODE..., --category, --all, --not-printed</source>
        <translation>请用以下方式之一选择胸卡：CODE...、--category、--all、--not-printed</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="247"/>
        <source>--format {format} needs --out FILE</source>
        <translation>--format {format} 需要同时给出 --out FILE</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="248"/>
        <source>--full-pii applies to a file: give --format and --out</source>
        <translation>--full-pii 只对导出文件有效：请同时给出 --format 和 --out</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="249"/>
        <source>give --format xlsx|csv|pdf for {out!r}</source>
        <translation>请为 {out!r} 指定 --format xlsx|csv|pdf</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="250"/>
        <source>not a time (ISO 8601, e.g. 2020-11-28T15:30): {text!r}</source>
        <translation>不是有效的时间（ISO 8601 格式，例如 2020-11-28T15:30）：{text!r}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="251"/>
        <source>the signing needs an amount (--amount, e.g. 5.2亿 or 1,234,567.89)</source>
        <translation>签约需要金额（--amount，例如 5.2亿 或 1,234,567.89）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="38"/>
        <source>the {field} holds the character {char} at position {position}: a control character (a line break, say) or a text-direction override, not allowed here</source>
        <translation>{field}的第 {position} 个字符 {char} 是控制字符（例如换行）或文字方向控制符，此处不允许</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="152"/>
        <source>{file}: unknown encoding {encoding!r}</source>
        <translation>{file}：未知的编码 {encoding!r}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="153"/>
        <source>{file}: cannot be read as {encoding}: byte {position} is not {encoding} text</source>
        <translation>{file}：无法按 {encoding} 读取：第 {position} 个字节不是 {encoding} 文本</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="155"/>
        <source>{file}: broken {encoding} text at byte {position}</source>
        <translation>{file}：{encoding} 文本在第 {position} 个字节处损坏</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="162"/>
        <source>{file}: not a readable Excel workbook: the file is damaged, or it is another kind of file.</source>
        <translation>{file}：不是可以读取的 Excel 工作簿：文件已损坏，或者是其他类型的文件。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="167"/>
        <source>{where}: the guest list {file} could not be saved: {cause}; nothing was imported.</source>
        <translation>{where}：嘉宾名单 {file} 无法保存：{cause}；没有导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="169"/>
        <source>{where}: the {count} guests of {file} were saved, but their search index could not be written ({cause}); it is rebuilt the next time the event is opened.</source>
        <translation>{where}：{file} 中的 {count} 位嘉宾已保存，但搜索索引无法写入（{cause}）；下次打开本活动时会重建索引。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="172"/>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="173"/>
        <source>the disk could not be written (an input/output error)</source>
        <translation>无法写入磁盘（输入/输出错误）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="174"/>
        <source>the file or its folder cannot be written (read-only, or no permission)</source>
        <translation>文件或所在文件夹无法写入（只读，或没有权限）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="41"/>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="42"/>
        <source>organization</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="43"/>
        <source>mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="44"/>
        <source>e-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="45"/>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="48"/>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="49"/>
        <source>event name</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="50"/>
        <source>English event name</source>
        <translation>活动英文名称</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="51"/>
        <source>venue</source>
        <translation>场馆</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="52"/>
        <source>city</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="159"/>
        <source>{file}: no permission to read this file.</source>
        <translation>{file}：没有读取此文件的权限。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="160"/>
        <source>{file}: the file could not be read from the disk.</source>
        <translation>{file}：无法从磁盘读取此文件。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="85"/>
        <source>{where}: another program is using the event database; nothing was changed. It is safe to try again.</source>
        <translation>{where}：另一个程序正在使用活动数据库，未做任何更改。可以放心重试。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="87"/>
        <source>{where}: cannot write: the disk is full; nothing was saved. Free some space and try again.</source>
        <translation>{where}：无法写入：磁盘已满，未保存任何内容。请释放一些空间后重试。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="89"/>
        <source>{where}: cannot write: the event database is read-only; nothing was saved.</source>
        <translation>{where}：无法写入：活动数据库是只读的，未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="91"/>
        <source>{where}: cannot write: the event database is read-only here (the file or its folder cannot be written); nothing was saved.</source>
        <translation>{where}：无法写入：活动数据库在此处是只读的（文件或其所在文件夹不可写），未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="93"/>
        <source>{where}: cannot write: permission denied; nothing was saved.</source>
        <translation>{where}：无法写入：没有权限，未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="95"/>
        <source>{where}: cannot open the event database (no permission, or its folder cannot be written); nothing was saved.</source>
        <translation>{where}：无法打开活动数据库（没有权限，或其所在文件夹不可写），未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="97"/>
        <source>{where}: cannot write: the disk reported an input/output error; nothing was saved. Check the disk (is it full, or removed?) and try again.</source>
        <translation>{where}：无法写入：磁盘报告输入/输出错误，未保存任何内容。请检查磁盘（是否已满或已拔出？）后重试。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="100"/>
        <source>{where}: the database server cannot be reached; nothing was saved. Check the network and try again.</source>
        <translation>{where}：无法连接数据库服务器，未保存任何内容。请检查网络后重试。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="102"/>
        <source>{where}: cannot be read: {reason}</source>
        <translation>{where}：无法读取：{reason}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="115"/>
        <source>{where}: this file already exists and is not a WIMC event database (an empty file, or another program&apos;s data); init leaves it unchanged. Choose a new file name.</source>
        <translation>{where}：该文件已存在，且不是 WIMC 活动数据库（是空文件或其他程序的数据）；init 不会改动它。请另选一个文件名。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="118"/>
        <source>{where}: holds another program&apos;s tables; init adds nothing to it. Give an empty database.</source>
        <translation>{where}：其中有其他程序的数据表；init 不会向其中添加任何内容。请指定一个空数据库。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="120"/>
        <source>{where}: cannot create the folder: {reason}</source>
        <translation>{where}：无法创建文件夹：{reason}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="270"/>
        <source>the argument {argument} is not valid text: it holds bytes that are not UTF-8 ({value}); nothing was done. Type it again in UTF-8 (a file&apos;s name: rename the file).</source>
        <translation>参数 {argument} 不是有效的文本：其中含有非 UTF-8 字节（{value}），未执行任何操作。请以 UTF-8 重新输入（如果是文件名，请重命名该文件）。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="207"/>
        <source>clerk</source>
        <translation>签到员</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="208"/>
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="209"/>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="210"/>
        <source>{count} of these badges were printed before: a reprint needs a {role}</source>
        <translation>其中 {count} 张胸卡已打印过：补打需要{role}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="212"/>
        <source>a reissue needs a {role}</source>
        <translation>补发胸卡需要{role}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="213"/>
        <source>only its own operator undoes a check-in, within 2 minutes; any other undo needs a {role}</source>
        <translation>签到只能由其操作员本人在 2 分钟内撤销；其他撤销需要{role}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="215"/>
        <source>an operator&apos;s name is 1 to 100 characters, without spaces at its ends: {name!r}</source>
        <translation>操作员名称须为 1 至 100 个字符，首尾不能有空格：{name!r}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="217"/>
        <source>no role {role!r}: clerk, supervisor or admin</source>
        <translation>没有角色 {role!r}：可选 clerk（签到员）、supervisor（主管）或 admin（管理员）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="218"/>
        <source>the first operator must be an admin (--role admin)</source>
        <translation>第一位操作员必须是管理员（--role admin）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="219"/>
        <source>only an admin adds operators</source>
        <translation>只有管理员可以添加操作员</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="220"/>
        <source>an operator named {name!r} exists already</source>
        <translation>名为 {name!r} 的操作员已存在</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="221"/>
        <source>only an admin disables operators</source>
        <translation>只有管理员可以停用操作员</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="222"/>
        <source>no operator named {name!r}</source>
        <translation>没有名为 {name!r} 的操作员</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="223"/>
        <source>{name!r} is the last admin: add another admin first</source>
        <translation>{name!r} 是最后一位管理员：请先添加另一位管理员</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="224"/>
        <source>only an admin sets another operator&apos;s password</source>
        <translation>只有管理员可以设置其他操作员的密码</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="225"/>
        <source>wrong operator or password for {name!r}; nothing was done</source>
        <translation>{name!r} 的操作员名称或密码错误；未做任何操作</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="226"/>
        <source>too many wrong passwords for {name!r}: try again in {seconds} s</source>
        <translation>{name!r} 的密码错误次数过多：请 {seconds} 秒后再试</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="228"/>
        <source>the operator {name!r} is disabled</source>
        <translation>操作员 {name!r} 已停用</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="229"/>
        <source>a password needs at least {count} characters</source>
        <translation>密码至少需要 {count} 个字符</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="236"/>
        <source>the two passwords differ; nothing was changed</source>
        <translation>两次输入的密码不一致；未做任何更改</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="237"/>
        <source>only an admin sets another operator&apos;s password; nothing was done</source>
        <translation>只有管理员可以设置其他操作员的密码；未做任何操作</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="239"/>
        <source>this event has operators: name yourself with --operator NAME (the password from WIMC_PASSWORD or a prompt); nothing was done</source>
        <translation>本活动设有操作员：请用 --operator 名称 表明身份（密码取自 WIMC_PASSWORD 或提示输入）；未做任何操作</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="241"/>
        <source>{operator} ({role}) may not run {command!r}: it needs a {needed}; nothing was done</source>
        <translation>{operator}（{role}）无权执行 {command!r}：需要{needed}；未做任何操作</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="243"/>
        <source>no password: set {variable} or run the command on a terminal to type it; nothing was done</source>
        <translation>没有密码：请设置 {variable}，或在终端中运行命令以输入密码；未做任何操作</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="254"/>
        <source>the audit log was changed outside the app: row {seq} ({id}) {reason}</source>
        <translation>审计日志已被本程序以外的工具改动：第 {seq} 条（{id}）{reason}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="256"/>
        <source>the audit log was changed outside the app: row {seq} ({id}) of chain {chain} {reason}</source>
        <translation>审计日志已被本程序以外的工具改动：链 {chain} 的第 {seq} 条（{id}）{reason}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="258"/>
        <source>does not match its hash (edited)</source>
        <translation>与其哈希值不符（已被修改）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="259"/>
        <source>does not follow the row before it (a row was inserted or deleted)</source>
        <translation>与前一条记录接不上（有记录被插入或删除）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="261"/>
        <source>is out of sequence (a row was inserted or deleted)</source>
        <translation>序号不连续（有记录被插入或删除）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="262"/>
        <source>is the last, but the chain&apos;s recorded head is elsewhere (rows deleted at the end, or the head rewritten)</source>
        <translation>是最后一条，但记录的链头不在此处（末尾的记录被删除，或链头被改写）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="264"/>
        <source>personal data can be purged only after the event: its last day is {end}; from {first} on. Nothing was deleted.</source>
        <translation>个人信息只能在活动结束后删除：活动最后一天是 {end}，自 {first} 起可以删除。未删除任何数据。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="266"/>
        <source>{action} needs the {needed} role; {operator} is {role}: nothing was done.</source>
        <translation>{action} 需要 {needed} 角色；{operator} 的角色是 {role}：未执行任何操作。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="268"/>
        <source>purge-personal-data deletes every guest&apos;s mobile, e-mail, ID number and notes for good; say --confirm to do it.</source>
        <translation>purge-personal-data 会永久删除每位嘉宾的手机号、邮箱、身份证号和备注；确认要执行请加 --confirm。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="274"/>
        <source>this event file is a desk of a hub: guest lists are imported into the hub (every desk then pulls them); nothing was imported.</source>
        <translation>此活动文件是中心库的一个签到台副本：嘉宾名单应导入中心库（各签到台随后同步获取）；未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="277"/>
        <source>this event file is a desk of a hub: a change of every guest at once (the purge of personal data) is made on the hub, and every desk then pulls it; nothing was changed.</source>
        <translation>此活动文件是中心库的一个签到台副本：一次修改所有嘉宾的操作（清除个人信息）须在中心库进行，各签到台随后同步；未作任何修改。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="281"/>
        <source>cannot edit {fields}: a desk may edit {editable}</source>
        <translation>不能修改 {fields}：签到台可修改 {editable}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="282"/>
        <source>a guest needs a name</source>
        <translation>嘉宾须有姓名</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="283"/>
        <source>the {field} {value!r}: {reason}</source>
        <translation>{field} {value!r}：{reason}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="284"/>
        <source>no guest has the badge code {code}</source>
        <translation>没有嘉宾持有胸卡号 {code}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="285"/>
        <source>--set takes FIELD=VALUE, not {pair!r}</source>
        <translation>--set 的格式是 字段=值，而不是 {pair!r}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="286"/>
        <source>not a database URL: {url}</source>
        <translation>不是数据库地址：{url}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="287"/>
        <source>the hub must be a PostgreSQL URL (postgresql+psycopg://user@host/db): {url}</source>
        <translation>中心库必须是 PostgreSQL 地址（postgresql+psycopg://用户@主机/数据库）：{url}</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="289"/>
        <source>a desk needs a name (--desk NAME)</source>
        <translation>签到台需要名称（--desk 名称）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="290"/>
        <source>{where}: this file already exists; join makes a new desk file.</source>
        <translation>{where}：此文件已存在；join 只创建新的签到台文件。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/error_texts.py" line="292"/>
        <source>{where}: this event file is not a desk of a hub (make one with join).</source>
        <translation>{where}：此活动文件不是中心库的签到台副本（请用 join 创建）。</translation>
    </message>
</context>
</TS>
