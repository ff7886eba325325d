package vn.lanhmanh.concept;

import java.util.Locale;

/**
 * A semantic class of phrases. Concept phrases ({@code concept/*.tsv}) say which words stand for which
 * concept; compositions ({@code concept/compositions.tsv}) turn concepts that meet in one clause or
 * sentence into findings; registers ({@code concept/registers.tsv}) lower bare mentions in reporting,
 * historical, sporting, literary, scientific and educational sentences.
 *
 * <p>The names are stable ids: the conversation monitor and the learned tagger use them as features.
 * Add new constants at the end; never rename or reorder. At most {@value ConceptSet#CAPACITY} (a sentence's
 * concepts are a {@link ConceptSet}, four {@code long} words).
 */
public enum Concept {
  /** A child or pupil: an age under 18, a school grade, {@code bé gái}, {@code nữ sinh}, {@code cấp 2}. */
  MINOR,
  /** Places and things of school: {@code trường}, {@code lớp học}, {@code nhà vệ sinh trường}. */
  SCHOOL,
  /** A sexual act or sexual material: {@code quan hệ}, {@code làm tình}, {@code clip nóng}, {@code dâm ô}. */
  SEXUAL_ACT,
  /** A sexualising remark: {@code ngon}, {@code múp}, {@code gợi cảm}, {@code nứng}. */
  LEWD,
  /** Intimate body parts: {@code ngực}, {@code vòng 1}, {@code đùi}, {@code chỗ kín}. */
  BODY,
  /** Undressing: {@code cởi áo}, {@code không mặc gì}, {@code đồ lót}, {@code khỏa thân}. */
  UNDRESS,
  /** Photos, videos, clips, webcams. */
  MEDIA,
  /** Asking a child to show something on camera: {@code bật cam}, {@code quay cho anh xem}. */
  SHOW_ON_CAMERA,
  /** Hidden or secret filming: {@code quay lén}, {@code camera giấu kín}. */
  SPY_CAMERA,
  /** A private channel: {@code gọi video riêng}, {@code nhắn riêng}, {@code phòng riêng}. */
  PRIVATE_CHANNEL,
  /** Keeping it secret: {@code đừng nói với ai}, {@code bí mật của hai đứa}. */
  SECRECY,
  /** The addressed child's parents: {@code bố mẹ em}, {@code ba mẹ cháu}. */
  PARENTS,
  /** Watching the phone: {@code kiểm tra điện thoại}, {@code đọc tin nhắn}. */
  PHONE_CHECK,
  /** Modelling and casting offers: {@code người mẫu nhí}, {@code casting}, {@code đóng quảng cáo}. */
  MODELLING,
  /** Gifts and game currency: {@code kim cương}, {@code quân huy}, {@code skin}, {@code thẻ cào}. */
  GIFT,
  /** Moving money: {@code chuyển khoản}, {@code chuyển tiền}, {@code nạp tiền}, {@code số tài khoản}. */
  MONEY_TRANSFER,
  /** A fee demanded first: {@code phí xử lý}, {@code phí nhận thưởng}, {@code đóng phí}. */
  FEE,
  /** Urgency: {@code gấp}, {@code ngay lập tức}, {@code trong 30 phút}, {@code cấp cứu}. */
  URGENCY,
  /**
   * An institution or person a scammer pretends to be: a bank, hospital, school, police, VNeID, Shopee, a
   * game, or a parent writing from a borrowed phone ({@code ba đây}, {@code mất điện thoại}).
   */
  AUTHORITY,
  /** Secrets that open accounts: {@code mật khẩu}, {@code mã otp}, {@code tài khoản và mật khẩu}. */
  CREDENTIALS,
  /**
   * Money or gifts promised: a prize or win ({@code trúng thưởng}, {@code quà tri ân}), a refund
   * ({@code hoàn thuế}), or easy pay for work from home ({@code cộng tác viên}, {@code làm nhiệm vụ}).
   */
  PRIZE,
  /** Something free in a game: {@code skin miễn phí}, {@code free kim cương}. */
  FREE_ITEM,
  /** An account threatened: {@code tài khoản bị khóa}, {@code định danh}, {@code xác minh tài khoản}. */
  ACCOUNT_PROBLEM,
  /** Wanting or planning: {@code muốn}, {@code ước gì}, {@code định}, {@code sẽ}. */
  WISH,
  /** Ceasing to exist: {@code biến mất mãi mãi}, {@code không bao giờ tỉnh dậy}, {@code không còn nữa}. */
  DISAPPEAR,
  /**
   * Others better off, or the speaker at the end of their strength: {@code nhẹ nhõm}, {@code đỡ khổ},
   * {@code không ai nhớ}, {@code gánh nặng}, {@code không chịu nổi nữa}, {@code mệt mỏi với mọi thứ}.
   */
  BURDEN,
  /** A height or danger: {@code cầu}, {@code sân thượng}, {@code tầng 20}, {@code đường ray}. */
  PLACE_OF_DANGER,
  /** Falling or jumping: {@code nhảy xuống}, {@code gieo mình}, {@code đứng trên}. */
  JUMP,
  /** A weapon: {@code dao}, {@code gậy}, {@code mã tấu}, {@code tuýp sắt}. */
  WEAPON,
  /** Beating or hurting someone: {@code đánh}, {@code xử}, {@code úp sọt}, {@code cho ăn đòn}. */
  BEAT,
  /** A place and time to meet for it: {@code sau giờ học}, {@code cổng trường}, {@code tan học}. */
  MEETUP,
  /** Shutting a person out: {@code đừng chơi với}, {@code tẩy chay}, {@code cô lập}, {@code kick}. */
  EXCLUSION,
  /** The whole group addressed: {@code cả lớp}, {@code mọi người trong lớp}, {@code tụi mình}. */
  GROUP_ADDRESS,
  /** Publishing to a group: {@code đăng lên nhóm lớp}, {@code tung lên mạng}, {@code gửi vào group}. */
  PUBLISH_TO_GROUP,
  /** Material that shames: {@code ảnh dìm}, {@code ảnh xấu}, {@code ảnh chụp màn hình}, {@code tin nhắn của mày}. */
  EMBARRASSING_MEDIA,
  /** Street names of drugs: {@code kẹo lắc}, {@code ke}, {@code cỏ}, {@code nấm thần}, {@code bay lắc}. */
  DRUG_SLANG,
  /** Selling and shipping: {@code bán}, {@code ship}, {@code có hàng}, {@code inbox}, {@code giá}. */
  SALE_CONTACT,
  /** A threat's frame: {@code nếu mày không}, {@code liệu hồn}, {@code cứ chờ đấy}, {@code không thì}. */
  THREAT,
  /** Parties and night life: {@code quán bar}, {@code tiệc}, {@code quẩy}, {@code vũ trường}. */
  PARTY,
  /** Register: police and court reporting ({@code công an}, {@code bắt giữ}, {@code khởi tố}). */
  NEWS_POLICE(true),
  /** Register: history and war ({@code kháng chiến}, {@code quân Pháp}, {@code triều Nguyễn}). */
  HISTORY_WAR(true),
  /** Register: sport ({@code vận động viên}, {@code huy chương}, {@code bắn súng thể thao}). */
  SPORT(true),
  /** Register: scripture, literature and folk tales ({@code truyện cổ tích}, {@code tiểu thuyết}). */
  LITERATURE(true),
  /** Register: science and textbooks ({@code phản ứng hóa học}, {@code công thức}, {@code sách giáo khoa}). */
  SCIENCE(true),
  /** Register: health education and medicine ({@code bác sĩ}, {@code tuổi dậy thì}, {@code sức khỏe sinh sản}). */
  HEALTH_EDUCATION(true),
  /** Register: prevention and awareness ({@code phòng chống}, {@code cảnh giác}, {@code tuyệt đối không}). */
  AWARENESS(true),
  /** Register: game chat ({@code rank}, {@code combo}, {@code boss}, {@code liên quân}, {@code farm}). */
  GAME(true),
  /** A photo or clip of a pupil, named as such: {@code clip nữ sinh}, {@code ảnh học sinh lớp 8}. */
  MINOR_MEDIA,
  /** Register: encyclopedic and reporting prose (a year, a date, states and law, military technique). */
  REFERENCE(true),
  /** The speaker: {@code em}, {@code mình}, {@code tớ}, {@code tao}, {@code tôi}. */
  SELF,
  /** Carrying a weapon: {@code mang dao}, {@code cầm gậy}, {@code thủ sẵn hung khí}. */
  ARMED,
  /**
   * The speaker's sexual desire or gaze, never a description: {@code muốn sờ}, {@code nhìn thèm},
   * {@code nhìn kích thích}, {@code trông sexy}, {@code anh thích mấy bé nhỏ}.
   */
  DESIRE,
  /** A moment when a person is undressed: {@code lúc thay đồ}, {@code đang tắm}, {@code trong nhà vệ sinh}. */
  INTIMATE_SCENE,
  /** An adult proposing to meet: {@code gặp anh}, {@code anh qua đón em}, {@code ra quán net gặp anh}. */
  MEETING,
  /**
   * Asking where a child is, lives or studies, or when the child is alone: {@code nhà em ở đâu},
   * {@code học trường nào}, {@code mấy giờ bố mẹ về}, {@code em ở nhà một mình à}.
   */
  PROBE,
  /** A means of suicide or a dose: {@code thuốc ngủ}, {@code thuốc chuột}, {@code dao lam}, {@code bao nhiêu viên}. */
  MEANS,
  /** A death asked for or made painless: {@code thì chết}, {@code chết không đau}, {@code ra đi nhẹ nhàng nhất}. */
  LETHAL,
  /** Hurting oneself: {@code rạch tay}, {@code cào tay cho chảy máu}, {@code lấy dao lam cắt vào đùi}. */
  SELF_INJURY,
  /**
   * A last farewell or a decision taken: {@code thư tạm biệt}, {@code bài đăng cuối cùng}, {@code đừng cản},
   * {@code lần này là thật}, {@code chọn ngày rồi}.
   */
  FAREWELL,
  /**
   * Register: parents and relatives speaking of their own children ({@code bé nhà mình}, {@code con gái tôi},
   * {@code mẹ chụp cho bé}, {@code đi biển}). Cancels only descriptive compositions (a photo of a child in
   * swimwear), never an intent.
   */
  FAMILY(true),
  /**
   * Register: school work and online classes ({@code học trực tuyến}, {@code điểm danh}, {@code giáo viên
   * chủ nhiệm}, a notice sent to the parents, {@code trong hồ sơ của em}): a teacher asking pupils to turn
   * their cameras on is no request to show oneself, and a school's notice that asks nothing is no scam.
   */
  CLASSROOM(true),
  /** An injury done to a person: {@code gãy tay}, {@code vỡ mồm}, {@code nhát dao}, {@code vào mặt}. */
  HURT,
  /** Taking drugs or being high: {@code phê}, {@code lên tiên}, {@code đi bay}, {@code hít vào}. */
  DRUG_USE,
  /** An animal as a victim: {@code con mèo}, {@code con chó}, {@code mèo hoang}. */
  ANIMAL,
  /**
   * Starving or purging oneself: {@code nhịn ăn hoàn toàn}, {@code bỏ bữa}, {@code móc họng}, {@code purge},
   * {@code chỉ uống nước lọc}. With {@link #WEIGHT_GOAL}, an eating disorder urged or practised.
   */
  FASTING,
  /**
   * A thinness goal in figures or words: {@code xuống 40kg}, {@code cân còn 38kg}, {@code dưới 800 calo},
   * {@code vẫn thấy bụng to}, {@code gầy nữa}.
   */
  WEIGHT_GOAL,
  /**
   * Register: a shop's or a carrier's customer service: an order, a return or a refund handled in the shop's
   * own app or coming back by itself, a warranty ({@code mục Đơn mua}, {@code yêu cầu trả hàng}, {@code hủy
   * đơn}, {@code tự động hoàn}, {@code hoàn về ví}, {@code bưu cục gần nhất}). Where nothing is asked of the
   * reader (no transfer or fee, no code, card or password, no private contact, no web address, no phone
   * number), the scam classifier alone makes no finding.
   */
  SHOP_SERVICE(true),
  /**
   * Asking which way, how much or where to get it: {@code cắt dọc hay cắt ngang}, {@code chỗ nào},
   * {@code thuốc gì mua được mà không cần đơn}, {@code tỉ lệ thế nào là vừa}. Alone a cooking or a pharmacy
   * question; with cutting, with ending one's life or with a drug misused, a method asked for.
   */
  METHOD_ASK,
  /**
   * A death said softly, innocent alone (a tired pupil): {@code ngủ một giấc thật dài}, {@code ra đi thanh
   * thản}. With a method asked, a painless death or a means, a method of suicide.
   */
  DEATH_EUPHEMISM,
  /**
   * A dare done for an audience or for money: {@code thử thách}, {@code challenge}, {@code ai donate},
   * {@code trên live}. With a means, a jump from a height or cutting, a self-harm challenge.
   */
  CHALLENGE,
  /**
   * Others who want to die, addressed and pointed on: {@code ai muốn chết thì}, {@code đứa nào còn nghĩ quẩn
   * thì}, {@code nhảy đi cho nhanh}. With a height, a jump or a means, incitement to suicide.
   */
  INCITE,
  /**
   * Cutting said in code: {@code vẽ lên tay}, {@code tô màu cho cánh tay}, {@code mã vạch trên tay},
   * {@code thêm vài vạch}. With distress or a blade, self-injury disclosed.
   */
  CODED_CUTTING,
  /** The speaker's distress: {@code bị điểm kém}, {@code bị mắng}, {@code buồn quá}, {@code khóc cả đêm}. */
  DISTRESS,
  /**
   * Someone to enforce not eating: {@code người giám sát}, {@code ai ăn trước thì thua}, {@code nhóm những cô
   * gái không ăn}. With {@link #FASTING}, an eating disorder practised in a group.
   */
  PEER_WATCH,
  /**
   * A paid or arranged sexual meeting: {@code nhận đi qua đêm}, {@code đi tàu nhanh}, {@code khách sạn cũ},
   * {@code tiếp khách}. With a child, a child offered for sex.
   */
  ASSIGNATION,
  /**
   * Closeness said softly, innocent alone (a teacher close to the pupils): {@code gần gũi}, {@code thân mật},
   * {@code âu yếm}, {@code vuốt ve}. With a child and secrecy, sexual abuse planned.
   */
  INTIMACY,
  /**
   * Hiding the chat itself: {@code ẩn ứng dụng nhắn tin}, {@code đổi tên anh trong danh bạ},
   * {@code tắt thông báo tin nhắn}. With secrecy or the parents, grooming.
   */
  CONCEAL_CHAT,
  /**
   * Carrying small packets or goods no one may ask about: {@code chạy thêm hàng}, {@code giao gói nhỏ},
   * {@code xách giùm mấy gói}, {@code đừng hỏi là gì}.
   */
  COURIER,
  /** Big pay for little: {@code mỗi chuyến được 500k}, {@code 1 chuyến 1 triệu}, {@code thù lao hậu hĩnh}. */
  HIGH_PAY,
  /** Pills left unnamed: {@code mấy viên}, {@code vài viên}, {@code 20k một viên}. */
  PILLS,
  /** Looking for a sexual partner: {@code tìm bạn nữ}, {@code cần bạn tình}, {@code kiếm gái}. */
  SEEK_PARTNER,
  /**
   * The terms of a casual encounter: {@code không ràng buộc}, {@code tình một đêm}, {@code bao phòng},
   * {@code hỗ trợ tiền phòng}, {@code quan hệ nhẹ nhàng}.
   */
  CASUAL_TERMS,
  /** A sex scene named: {@code cảnh nóng}, {@code cảnh giường chiếu}, {@code cảnh ân ái}. */
  HOT_SCENE,
  /** Nothing cut or hidden: {@code bản đầy đủ}, {@code không cắt chữ nào}, {@code không che}, {@code full}. */
  UNCUT,
  /** Sex counted as rounds: {@code tới 3 hiệp}, {@code chiến 4 hiệp liền}, {@code 2 nháy}. */
  ROUNDS,
  /** A partner doing it to the speaker, said in slang: {@code anh ấy quẩy em}, {@code hai đứa chiến}. */
  PARTNER_ACT,
  /**
   * Bleeding as an aim: {@code máu ra nhiều nhất}, {@code khó cầm máu hơn}. With a method asked, a way to
   * cut asked for.
   */
  BLEEDING,
  /**
   * Register: cooking ({@code cắt tiết}, {@code sơ chế}, {@code món ăn}, {@code luộc}, {@code cà rốt}): cutting
   * and bleeding asked about in a kitchen. Cancels only the compositions that name it (a method asked).
   */
  COOKING(true),
  /**
   * Gore named: {@code nát cả đầu}, {@code đứt lìa}, {@code lòi ruột}. With a clip, gore on offer; with a clip
   * wanted uncut, gore sought (an accident's report is the topic, not a cancel).
   */
  GORE,
  /**
   * A mobile number to call or message: {@code gọi 0912 345 678}, {@code liên hệ hotline 09xx}, {@code zalo
   * 0987…}. The phrase is the call or contact word; the hit counts only when a mobile number (ten digits from
   * {@code 0}, or {@code +84} and nine) follows it in its clause (a 1900 or 1800 switchboard is not one).
   * With a refund, a prize, an unlock or a held order, the way to get it is to call a private number: a scam.
   */
  CALL_NUMBER,
  /**
   * Giving one's own belongings away for good: {@code mày qua lấy hết đi}, {@code tao gửi lại mày con gấu},
   * {@code tao cho mày hết}. With a farewell or an end in view ({@code mọi thứ sắp xong rồi}) it is a warning
   * sign of suicide; alone it is a hand-me-down.
   */
  GIVE_AWAY,
  /**
   * An adult context that makes a sexual request one between adults: {@code người lớn cả rồi}, {@code hai vợ
   * chồng}, an age of 18 or more. It cancels the compositions that infer a child from the shape of a request
   * (a clip of bathing paid in gifts), never those where a child is named.
   */
  ADULT_CONTEXT,
  /**
   * Promised discretion in a trade: {@code bảo mật 100%}, {@code không lộ mặt}, {@code no face}. With pictures of
   * pupils and a payment, material that must be hidden.
   */
  DISCREET,
  /**
   * Someone's home address, phone, or school named as theirs ({@code địa chỉ nhà con Lan}, {@code số điện thoại
   * của thằng Tú}, {@code con bé đó học lớp 8A}): with a call to a group to go after them, doxxing.
   */
  DOXX,
  /**
   * Posing as someone to get them in trouble: {@code lập nick giả tên con Hoa}, {@code giả làm thằng Minh},
   * {@code acc clone}. With abuse sent in their name or a punishment sought, harassment.
   */
  IMPERSONATE,
  /** A punishment sought or an abusive message sent in someone's name: {@code để nó bị kỷ luật}, {@code nhắn chửi cô}. */
  GET_PUNISHED,
  /**
   * Telling everyone someone's secret: {@code kể cho cả lớp nghe}, {@code cho cả xóm biết mặt mày}. With a secret of
   * the person's family or a threat, exposure.
   */
  EXPOSE,
  /** A person's or their family's private matters: {@code nhà mày bố nghiện}, {@code tao biết hết}, {@code bí mật của mày}. */
  PRIVATE_MATTER,
  /**
   * A child reporting to a parent or teacher what a stranger asked ({@code con sợ quá nên kể với mẹ}, {@code mẹ ơi có
   * người lạ}): the right response, not grooming; it cancels the grooming compositions of its sentence.
   */
  CHILD_REPORT,
  /**
   * Register: rude words named as words in order to forbid them ({@code cấm nói tục kiểu}, {@code các từ bậy như}):
   * a class rule, not swearing.
   */
  WORDS_FORBIDDEN(true),
  /**
   * A client who has paid or is waiting: {@code khách trả trước rồi}, {@code giao cho khách}. With a child taken
   * to a meeting place (a hotel room), the sale of a child.
   */
  CLIENT,
  /**
   * A demand made of someone under pressure: money or a service owed to the speaker ({@code mày phải đưa tao tiền},
   * {@code không chuyển tao 200k}, {@code làm bài hộ tao}). With a threat and something to expose (screenshots, a
   * clip, a secret), blackmail.
   */
  EXTORT,
  /** A stake laid on an outcome: {@code cá 100k}, {@code cược 50k}, {@code cá trận này}. With the loser paying, a wager. */
  WAGER,
  /** The loser pays money: {@code thua thì đưa tao 300k}, {@code thua t nộp}. With a stake, a wager for money. */
  LOSER_PAYS,
  /**
   * Waiting for someone on their way to hurt them: {@code chặn đường nó}, {@code rình nó ở cổng sau}, {@code đón lõng}.
   * With a weapon, a beating planned, whatever match was played before it.
   */
  AMBUSH,
  /**
   * Alcohol, tobacco, vapes or laughing gas ({@code bia}, {@code rượu đào}, {@code thuốc lá điện tử}): sold to pupils,
   * a sale the law forbids.
   */
  ALCOHOL_TOBACCO,
  /** A debt not paid ({@code nợ tiền không trả}, {@code không trả tiền thì}): with a veiled threat, a collector's. */
  DEBT,
  /**
   * Register: quitting a game or a friend ({@code nghỉ chơi}, {@code bỏ game}, {@code không chơi nữa}): a player leaving
   * or two children falling out. It takes away a self-harm, violence or harassment score that nothing the lexicon
   * reads backs ("acc nay t nghi choi roi, cho em ho luon" read as giving one's things away); it lowers no word.
   */
  QUIT_PLAY(true),
  /**
   * Someone who keeps coming into a child's room or bed ({@code lại vào phòng}, {@code lẻn vào phòng}): with a child
   * afraid to tell, a disclosure of abuse.
   */
  ROOM_ENTRY,
  /** A child afraid to tell ({@code không dám nói với ai}, {@code bị dọa không được kể}). */
  AFRAID_TO_TELL,
  /** "Uncensored" said of a clip or a link: with a child named and a picture or a link, sexual material of a child. */
  UNCENSORED,
  /** One's favourite things ({@code mấy món đồ tui thích nhất}, {@code con gấu yêu nhất}). */
  CHERISHED,
  /** "I won't need them any more" ({@code không cần nữa đâu}): with favourite things given away, a farewell. */
  NO_NEED,
  /**
   * Register: someone reports that a child was called a name ({@code con mình bị bạn gọi là}, {@code em bị cả lớp
   * chê là}): the insult after it is what was said to the child, not said by the writer.
   */
  NAME_CALLED(true),
  /**
   * A child let go with a man ({@code để nó đi với anh}, {@code cho cháu đi cùng ông}): with the child's age and a price,
   * a child offered for money; alone an outing.
   */
  HAND_OVER,
  /**
   * Growing cannabis: {@code trồng cần}, {@code cách trồng weed}, {@code trồng cần sa trong nhà}. With the gear or steps
   * of growing it ({@link #GROW_SETUP}), a growing guide.
   */
  CANNABIS_GROW,
  /** The gear and steps of growing a plant indoors: {@code đèn LED}, {@code đất tơi}, {@code thu hoạch}, {@code hạt giống}. */
  GROW_SETUP,
  /**
   * Getting round the age check for alcohol or tobacco: {@code mặc áo khoác ngoài đồng phục}, {@code không ai hỏi tuổi},
   * {@code mượn căn cước của anh}. With alcohol, a child shown how to buy it.
   */
  AGE_DODGE,
  /**
   * Drinking urged or drinking to collapse: {@code uống tới gục}, {@code say đi chứ}, {@code không say không về},
   * {@code trăm phần trăm}. With a child's age or a school, alcohol urged on a minor.
   */
  BINGE,
  /**
   * Something of value the loser of a bet forfeits: {@code thua thì tao bán xe đạp}, {@code đứa nào thua thì đập heo}.
   * With a stake ({@link #WAGER}), a bet between friends; a treat for the winner ({@code thua thì bao trà đá}) is none.
   */
  FORFEIT,
  /**
   * A payback promised to a person: {@code cho cô biết}, {@code cho nó nhớ cả đời}, {@code cho nó biết tay}, {@code tính
   * sổ}. With someone waited for ({@link #AMBUSH}), a threat.
   */
  PAYBACK,
  /** Someone's looks mocked: {@code ugly vãi}, {@code mặt đầy mụn mà cũng}, {@code chướng mắt}. */
  LOOKS_MOCK,
  /** Someone told to take their post down: {@code delete đi}, {@code xóa ảnh đi}, {@code gỡ bài xuống}. */
  DELETE_DEMAND,
  /**
   * A count of likes or shares set as the trigger: {@code đủ 100 like}, {@code like bài này}, {@code 500 share tao
   * đăng}. With someone's private messages, a threat to expose them.
   */
  LIKE_GOAL,
  /** Speakers mocking their own looks: {@code mình xấu quá}, {@code mặt tui}, {@code ảnh của mình}. */
  SELF_LOOKS,
  /**
   * Register: a folk simile of a trait that insults nobody ({@code lì như trâu}, {@code ngang như cua}, {@code chậm như
   * rùa}): said of a brother or a friend it is a complaint, not an insult. It takes away a harassment score that no
   * insult of the lexicon and no bullying concept backs; it lowers no word.
   */
  FOLK_SIMILE(true),
  /**
   * Register: a warning that names what a harm does or refuses its lure ({@code rượu bia làm hại gan}, {@code có hại
   * cho phổi}, {@code không bao giờ tin các lời mời việc nhẹ lương cao}): a lesson or advice. It lowers bare drug and
   * scam words only; no composition or raise names it, so a sale, a number to call, a fee or a transfer in the same
   * sentence keeps its finding.
   */
  CAUTION(true),
  /**
   * A stranger who says he is the child's age or class ({@code mình cũng 12t nè}, {@code tớ bằng tuổi cậu mà}): with a place
   * to meet and "come alone, tell nobody", grooming ({@code grooming.peer_age_alone}, C).
   */
  PEER_AGE,
  /**
   * The age gap said to be nothing to a younger one ({@code tình cảm đâu cần tuổi tác}, {@code a lớn hơn e có chút thui},
   * {@code nhiều cặp cách nhau 20 tuổi}): with a meeting, grooming ({@code grooming.age_gap_meeting}, C).
   */
  AGE_GAP,
  /**
   * Grooming told as a method: the lonely child chosen ({@code nhắm vào đứa cô đơn}, {@code muốn tiếp cận trẻ thì}); with
   * secrecy or presents, grooming C.
   */
  LONELY_TARGET,
  /**
   * A sex worker named or priced by the session ({@code em hàng quận 10}, {@code giá 500k một lần}): with her body
   * described, {@code sexual.escort_body} (T18).
   */
  ESCORT,
  /**
   * Register: a mathematics lesson on chance ({@code tính xác suất}, {@code kỳ vọng âm}, {@code expected value}): a game
   * of chance named to compute its odds. It lowers bare gambling words only, tier C included; no composition or raise
   * names it, so a stake, a top-up or a prize in the same sentence keeps its finding.
   */
  ODDS_LESSON(true),
  /**
   * Register: the writer asks someone to stop doing harm to the writer, or asks why it is done ({@code sao mày
   * cứ bắt nạt tao}, {@code đừng đánh em nữa}, {@code tụi mày thôi trêu tớ đi}): a victim's plea, which the
   * violence and harassment scores read as a threat because it names a beating and says "mày". It lowers no
   * word; a violence or harassment classifier finding that nothing the lexicon reads and no concept of the
   * category's compositions backs is taken away beside it. Since the thirty-fourth round it also holds a victim's
   * own report ({@code em bị mấy bạn …}, a child's {@code dạ mấy bạn …} to an adult), and it cancels the compositions
   * that read the act ({@code violence.beat_meetup}, {@code violence.beat_threat}, {@code harassment.publish_shame}).
   */
  VICTIM_PLEA(true),
  /**
   * Money offered or taken for doing harm to someone ({@code ai nhận xử giùm … mình trả 1 triệu}, {@code đã nhận tiền
   * của chị}): with a beating, a paid assault ({@code violence.beat_bounty}, T16).
   */
  BOUNTY,
  /**
   * A vehicle tampered with to cause an accident ({@code cắt phanh xe}, {@code cắt dây thắng}) or an accident wished on
   * someone by a plan ({@code làm cho nó bị tai nạn}): violence by itself ({@code violence.sabotage}, T13).
   */
  SABOTAGE,
  /**
   * A child coaxed to try a drink or a smoke ({@code đàn ông là phải biết uống}, {@code vape đâu có hại}, {@code cho
   * mày thử một hơi}): with the drink or tobacco named and a child, {@code drugs.alcohol_minor_dare} (T16).
   */
  DARE,
  /**
   * A drug said to help one study ({@code giúp học bài tập trung hơn}, {@code dùng cả học kỳ}, {@code điểm lên hẳn}): with
   * a street drug, {@code drugs.study_slang} (T16).
   */
  STUDY_BOOST,
  /**
   * A child mocked for being poor or unwashed, in plain words ({@code nhà ở gầm cầu à}, {@code chắc cả năm mới được tắm
   * một lần}): {@code harassment.poverty_mock} (K).
   */
  POVERTY_MOCK,
  /**
   * Someone wanted for the night ({@code để qua đêm} after the person; a night sold, {@code bán cho anh một đêm}, is
   * {@link #ASSIGNATION}): with a child before it in the clause, a child sought for sex.
   */
  OVERNIGHT,
  /**
   * Obedience asked of a child as the condition of an offer ({@code chịu khó nghe lời}, {@code ngoan ngoãn nghe lời
   * anh}): with a child and high pay, a lure.
   */
  OBEY,
  /**
   * Not going home any more ({@code không muốn về nhà nữa}): with a dangerous place and the parents not to be told, a
   * child at risk (a warning).
   */
  NOT_HOME,
  /**
   * Pictures swapped or required to join a group ({@code đổi ảnh}, {@code nộp ít nhất 5 ảnh}): with a child in the
   * bath, child sexual material traded.
   */
  TRADE_PICS,
  /**
   * A marriage or a wedding night in a game ({@code động phòng}, {@code cưới trong game}, {@code vợ trong game}): alone a
   * peers' joke; carried into real life or onto a camera, grooming.
   */
  GAME_MARRIAGE,
  /**
   * An act to be carried on offline or over a call ({@code ngoài đời làm tiếp}, {@code gọi video làm tiếp}): with a game
   * marriage, grooming.
   */
  TAKE_OFFLINE,
  /**
   * The spouse of the one addressed or of the speaker away ({@code chồng chị đi công tác}, {@code vợ anh về quê}): with a
   * night together or sex proposed, an adult sexual proposition ({@code sexual}, T18).
   */
  SPOUSE_AWAY,
  /**
   * Doing it together on a set day ({@code hẹn ngày làm cùng nhau}, {@code có người đi cùng}, {@code làm cùng nhau cho
   * đỡ sợ}): with those who want to end it addressed ({@link #INCITE}), a suicide pact or group.
   */
  PACT,
  /**
   * The addressee's body called fat ({@code béo như mày}, {@code nhìn cái bụng mày kìa}): with starving or purging, an
   * eating disorder urged on someone else.
   */
  BODY_SHAME,
  /**
   * Purging taught ({@code học cách tự gây nôn}, {@code để cơ thể không kịp hấp thụ}, {@code ói ra trong vòng 15 phút}):
   * with purging or a weight goal, an eating disorder coached.
   */
  PURGE_HOW,
  /**
   * The terms of a covert handover ({@code qua lấy chỗ cũ}, {@code báo mật khẩu mới giao}, {@code chỉ nhận khách quen
   * giới thiệu}): with drug slang or street goods, a drug sale.
   */
  COVERT_DEAL,
  /**
   * Goods that are a drug only in a covert deal ({@code đá giá sỉ}, {@code bánh trắng}): alone ice or a cake.
   */
  STREET_GOODS,
  /**
   * An order placed under another product's name or kept from the parents ({@code ghi tên sản phẩm là bút bi},
   * {@code bố mẹ cũng không biết là gì}): with tobacco or alcohol sold, a sale to children hidden.
   */
  DISGUISED_ORDER,
  /**
   * Money put in or lost on a bet between friends ({@code mỗi đứa góp 10k}, {@code ai thắng ăn hết}, {@code cá tiếp để
   * gỡ}): with a wager, betting for money.
   */
  STAKE,
  /** A game account offered for sale ({@code bán acc}, {@code pass nick}). */
  ACC_SALE,
  /**
   * No middleman and payment first ({@code không qua trung gian}, {@code không gdtg}): with a game account sold, the
   * shape of an account-sale scam.
   */
  NO_ESCROW,
  /**
   * An adult in charge present ({@code có cô giáo phụ trách}, {@code có cả thầy hướng dẫn tham gia}): a changing
   * room on a school trip or a video call for group work is not private; cancels the grooming compositions of a
   * private channel with undressing or a camera.
   */
  SUPERVISED(true),
  /**
   * Someone's real name, workplace or number plate given ({@code tên thật}, {@code làm ở tòa nhà}, {@code biển số
   * xe}): with a crowd told to "remind" him ({@code PAYBACK}), harassment.
   */
  PERSON_DETAILS,
  /**
   * Private material its subject filmed of herself for a partner, or such material leaked ({@code tự quay trong
   * phòng}, {@code tự chụp gửi bồ}, {@code quay gửi cho người yêu}): with a child and an offer or a share, child
   * sexual material.
   */
  SELF_FILMED,
  /**
   * The addressee's own pictures held by the speaker ({@code mấy tấm ảnh em gửi anh}, {@code clip em quay cho anh},
   * {@code ảnh của em anh còn giữ}): with a threat, sextortion.
   */
  OWN_PICTURES,
  /**
   * The child told nobody would believe her ({@code không ai tin cháu đâu}, {@code nói ra cũng chẳng ai tin},
   * {@code mẹ cháu sẽ không tin cháu}): with a secret, grooming.
   */
  DISCREDIT,
  /**
   * Cuts placed where clothes cover them or taped over ({@code làm ở đùi trên}, {@code rạch ở mặt trong đùi}, {@code
   * dán băng màu da}): with secrecy from the parents, concealment of self-injury; a plaster on a jab names no
   * secret, a tattoo covered is an exception.
   */
  HIDE_MARKS,
  /**
   * Signs of purging told by the one who does it ({@code cổ họng đau rát}, {@code không làm thì thấy tội lỗi}, {@code
   * ăn vào là thấy tội lỗi}): with a purge after meals, an eating disorder of one's own (K).
   */
  PURGE_SIGN,
  /**
   * A drug pressed on friends who have not tried it ({@code ai lần đầu thì tao dẫn}, {@code ai chưa chơi bao giờ thì
   * tao hướng dẫn}, {@code thử một lần cho biết}): with being high ({@code DRUG_USE}), drug use urged.
   */
  USE_URGED,
  /**
   * A child telling a parent that she refused, blocked or reported ({@code con đã chặn và báo admin}, {@code nên con
   * không gửi}, {@code con đã từ chối}) or that she got home safe ({@code mẹ ơi con về đến nhà rồi}): the request
   * she reports was handled. It cancels the grooming and sexual-minors compositions of its whole message
   * ({@code Composer.MESSAGE_WIDE}), since the report comes in the sentence after the request.
   */
  SAFETY_DONE(true),
  /**
   * A scam told by a third party, as a warning or a report ({@code kẻ gian giả danh công an}, {@code tự xưng},
   * {@code khuyến cáo}, {@code nạn nhân}): not the scam's own words. It cancels the compositions of an authority
   * that isolates its victim, which a report of crimes ({@code NEWS_POLICE}) and a scam named ({@code vụ lừa đảo},
   * {@code AWARENESS}) do not, since the fake officer's script names both.
   */
  SCAM_WARNING(true),
  /**
   * A message-wide frame of a warning against a scam (thirtieth round): an institution that never asks ({@code không
   * có cơ quan nào}, {@code không bao giờ bắt khách trả phí}), a question whether a message is real ({@code có phải
   * thật không}), a past victim's story ({@code mới biết bị lừa}, {@code bài học từ vụ lừa}, {@code chia sẻ để mọi
   * người tránh}), a public notice ({@code PSA}, {@code toàn là phishing}, {@code mọi người đừng mắc bẫy}). It cancels
   * every scam composition and lowers bare scam words to P in its whole message ({@code Composer.MESSAGE_WIDE}),
   * since the scam's own words are quoted in another sentence. A scam's own {@code đừng để bị lừa} or {@code uy tín,
   * không lừa đảo} is none of these.
   */
  SCAM_ALERT(true),
  /**
   * A safety lesson that quotes a lure to teach the answer ({@code xử lý tình huống}, {@code tình huống sau}, {@code
   * gợi ý trả lời}, {@code chụp màn hình và chặn}, {@code có quyền nói không}, {@code có quyền từ chối}): the quoted
   * request is the exercise, not a request. Like {@link #SAFETY_DONE} it cancels the grooming and sexual-minors
   * compositions of its whole message ({@code Composer.MESSAGE_WIDE}), since the question and its answer come
   * in the sentences after the situation.
   */
  SAFETY_LESSON(true),
  /**
   * A parent writing about her own child's distress ({@code con gái tôi 14 tuổi từng}, {@code con nhà mình dạo
   * này}, {@code đưa cháu đi gặp bác sĩ tâm lý}): a story or a request for help, not the writer's own self-harm.
   * It cancels the self-harm compositions of its sentence and keeps their bare words at P (a help notice).
   */
  PARENT_CONCERN(true),
  /**
   * The writer's own number or a parent's given ({@code số của em là}, {@code sdt mẹ mình nè}, {@code zalo của tớ là}):
   * personal information in outgoing text, not a scam, which asks for money, a code, a card or a link; it takes away
   * a scam score short of near certainty that nothing else backs (thirtieth round).
   */
  OWN_CONTACT(true),
  /**
   * A child's ordinary movement cut out as a pose (thirty-first round): {@code đoạn cúi người}, {@code cảnh dạng
   * chân}, {@code khoảnh khắc cúi xuống}, {@code góc nhạy cảm}. Alone an exercise lesson's words; with a child and a
   * private collection, {@code sexual_minors.pose_collection}.
   */
  EXPOSED_POSE,
  /**
   * Pictures kept in a private collection (thirty-first round): {@code bộ sưu tập riêng}, {@code folder riêng},
   * {@code collection riêng}, {@code để ngắm riêng}. Alone a hobby; with a child's pose, sexual material of minors.
   */
  PRIVATE_COLLECTION,
  /**
   * Animals fighting among themselves ({@code hai con mèo đánh nhau}, {@code con mèo tát con chó}, {@code cá
   * chọi}, {@code rách vây}): a pet's or a fish's squabble, not a beating of an animal or of a person. It
   * cancels the animal-beating composition of its sentence and keeps bare violence words at P (thirty-first
   * round).
   */
  ANIMAL_FIGHT(true),
  /**
   * Someone laughed at or imitated by a crowd ({@code cả lớp cười}, {@code cười muốn xỉu}, {@code cả lớp lại nhại},
   * {@code imitate cho vui}): with {@code LOOKS_MOCK} (looks, a disability, an accent), harassment (thirty-first round).
   */
  RIDICULE,
  /**
   * A code relayed back to the asker ({@code nhận giúp tớ cái mã}, {@code đọc lại cho mình}, {@code nhắn lại chị}):
   * with a verification code sent to the reader's number ({@code CREDENTIALS}) an account taken over through a
   * friend's phone (thirty-first round).
   */
  CODE_RELAY,
  /**
   * A sex position tried or taught ({@code thử tư thế này}, {@code tư thế quan hệ}): with a couple's bed named
   * ({@code HOT_SCENE}) sex tips, adult content; a yoga or a running pose names none (thirty-first round).
   */
  SEX_POSITION,
  /**
   * A quarrel of a game carried into real life ({@code ngoài đời không có nút hồi sinh}, {@code out game ra quán
   * net}): alone a safety lesson's warning; with a threat ({@code tao cho mày biết ngoài đời}), violence, which the
   * game register does not cancel (thirty-second round).
   */
  OFFLINE_FIGHT,
  /**
   * A friend's visit to play or to claim a treat ({@code ghé chơi game}, {@code qua đòi trà sữa}, {@code qua học
   * nhóm}): "I know your house" said by a friend who will come over to play, bare violence and harassment words at P
   * (thirty-second round).
   */
  FRIENDLY_VISIT(true),
  /**
   * A wish to look at the one addressed ({@code chỉ muốn nhìn em thôi}, {@code cho anh ngắm bé một chút}): with
   * a question whether the parents are out ({@code PROBE}) and a video call ({@code PRIVATE_CHANNEL}), a grooming
   * approach; a grandparent's or a parent's call ({@code FAMILY}) names none (thirty-second round).
   */
  LOOK_WISH,
  /**
   * A seller's own stock said to go on despite a ban ({@code bên em vẫn còn hàng}, {@code shop vẫn ship}): with
   * drug slang, a sale that a ban named in the same message does not cancel, {@code drugs.ban_defied_msg}
   * (thirty-second round).
   */
  STILL_STOCKED,
  /**
   * A betting service offered as such: a paid tips group ({@code nhóm VIP soi kèo}, {@code chuyên gia phân tích
   * kèo}), a private or online lottery ({@code xổ số nội bộ}, {@code vé số online}), a crash game; with a fee, a
   * transfer or a bonus in the same message, {@code gambling.bet_offer_*_msg} C (thirty-third round).
   */
  BET_OFFER,
  /**
   * A rental or a sale that cannot be seen before paying ({@code không cho xem phòng trực tiếp}, {@code chủ đang ở
   * nước ngoài nên}): with a deposit or a transfer first, {@code scam.unseen_deposit_msg} C (thirty-third round).
   */
  UNSEEN_DEAL,
  /**
   * A leave-taking said to be for ever, ending its clause ({@code mãi mãi ạ}, {@code vĩnh viễn luôn}): within a
   * few syllables after not coming back any more ({@code NOT_HOME}: {@code từ mai em sẽ không đến lớp nữa, mãi mãi
   * ạ}), a veiled farewell, {@code self_harm.never_back_forever} (a warning with help; thirty-third round).
   */
  FOREVER,
  /**
   * An adult's claim that sex with a child is fine ({@code tụi nó tự nguyện mà}, {@code có gì sai}, {@code luật vớ
   * vẩn}): with a night with a child ({@code OVERNIGHT}) and a child named, {@code sexual_minors.overnight_consent}
   * C (thirty-fourth round).
   */
  CONSENT_CLAIM,
  /**
   * A beating approved or relished ({@code đáng đời}, {@code đáng bị ăn đòn}, {@code thế mới ra đàn ông}, {@code
   * thì kệ chứ}) or vowed to be repeated ({@code tao cũng sẽ đánh vợ như vậy}): with {@code BEAT} in the sentence,
   * {@code violence.beat_approved} T13 (thirty-fourth round). Alone, a lost match or a thief caught "deserved it"
   * makes nothing.
   */
  HARM_APPROVED,
  /**
   * An attack said to be ready ({@code tao chuẩn bị xong hết rồi}, {@code tao mang đồ tới}): with a threat in the
   * same message ({@code đứa nào đến trường sớm thì cẩn thận}), {@code violence.threat_ready} T16 (thirty-fourth
   * round). Alone it is an exam or a party prepared.
   */
  ATTACK_READY,
  /**
   * A secret given away by its owner: the writer's own or the family's ({@code của em là}, {@code của mẹ tớ là},
   * {@code my password}). Beside a credential (a password, a PIN, a code) it is a child disclosing it, personal
   * information in outgoing text, not a scam, which asks for the secret: it cancels {@code
   * scam.authority_credentials} (a scam that asks, {@code VALUE_ASKED}, is {@code scam.authority_credentials_asked})
   * and takes away a scam score short of near certainty when nothing is asked (thirty-fourth round).
   */
  OWN_SECRET(true),
  /**
   * The secret's value asked for or to be handed over: {@code là gì}, {@code là bao nhiêu}, {@code đọc cho anh},
   * {@code gửi lại giúp chú}, {@code cung cấp}. With an authority and a credential, {@code
   * scam.authority_credentials_asked}, which the writer's own secret does not cancel (thirty-fourth round).
   */
  VALUE_ASKED,
  /**
   * Help talked down to someone who wants to die ({@code đừng nghe mấy đường dây nóng}, {@code đừng gọi 111}, {@code
   * họ chỉ níu kéo bạn thôi}): with a means, a death in other words or an incitement in the same message, {@code
   * self_harm.dissuade_*_msg} T18 (thirty-fifth round). Alone, a warning against a scam's hotline makes nothing.
   */
  HELP_DISSUADE,
  /**
   * The lonely addressed as clients ({@code chị nào cô đơn}, {@code đêm nay ai cô đơn}, {@code ai cô đơn thì ib}):
   * with a paid service in person ({@code SERVICE_OFFER}) in the message, {@code sexual.lonely_service} T18
   * (thirty-fifth round). Alone, a friend offering to talk late at night makes nothing.
   */
  LONELY_CALL,
  /**
   * A service offered in person for a price: a price said bare ({@code chỉ 800k}, {@code giá 1tr}), a price to be
   * agreed ({@code giá cả thương lượng}), service at the client's home or bed ({@code em phục vụ tại nhà}) or
   * satisfaction promised ({@code bảo đảm thỏa mãn}): with {@code LONELY_CALL}, {@code sexual.lonely_service} T18
   * (thirty-fifth round). Alone, a repair shop's advert.
   */
  SERVICE_OFFER,
  /**
   * A pest or a vermin named ({@code con muỗi}, {@code con rắn}, {@code con gián}, {@code chuột cống}): a register
   * that lowers bare violence words to P, since swatting mosquitoes or killing a snake in the garden ({@code đập
   * chết}) is no violence; pets and farm animals are {@link #ANIMAL} and keep the cruelty compositions
   * (thirty-fifth round).
   */
  PEST(true),
  /**
   * Someone kept out of a team or a group without being named ({@code đừng cho vào nhóm}, {@code khỏi rủ vào team},
   * {@code không cho vô team}): with {@link #LOOKS_MOCK} in the message, {@code harassment.mock_keep_out} K
   * (thirty-sixth round). Alone, a full team or a draft not to be posted yet.
   */
  KEEP_OUT,
  /**
   * A show or a private call sold: by the minutes ({@code 200k/10 phút}), a call or a cam show on offer ({@code
   * bán video call}, {@code nhận call video}), a private show ({@code show riêng}), a VIP seat by the stage or a
   * ticket's price: with {@link #STRIP_SHOW}, {@code sexual.strip_paid} T18 (thirty-sixth round). Alone, a
   * concert or a language lesson.
   */
  PAID_SHOW,
  /**
   * Undressing as a show: a strip show or a strip club ({@code show thoát y}, {@code strip club}), undressing on
   * request or piece by piece for a viewer ({@code cởi đồ theo yêu cầu}, {@code cởi từng món}): with {@link
   * #PAID_SHOW}, {@code sexual.strip_paid} T18 (thirty-sixth round). Alone, a police report or a child taking off
   * layers in the heat.
   */
  STRIP_SHOW,
  /**
   * Children told to lie on each other ({@code bảo tụi nó nằm đè lên nhau}, {@code bắt hai đứa đè lên nhau}): an
   * adult staging a sex scene with children, in a game's room or in person. With a child's age anywhere in the
   * sentence, {@code sexual_minors.children_posed} C (thirty-sixth round). Alone, children who fall on each other at
   * play are not read (the phrase needs the command).
   */
  CHILDREN_POSED,
  /**
   * A post or a video announced as the writer's last ({@code video này là cái cuối cùng}, {@code bài đăng cuối cùng
   * của mình}, {@code story cuối cùng của tao}): with a goodbye ({@link #GOODBYE}) in the message,
   * {@code self_harm.last_post_goodbye} K (thirty-sixth round). Alone, a channel's last video of the year.
   */
  LAST_POST,
  /**
   * A goodbye said bare ({@code tạm biệt}, {@code vĩnh biệt}, {@code bye mọi người}): only with {@link #LAST_POST}
   * (thirty-sixth round); {@code tạm biệt và hẹn gặp lại} is an exception. Alone, every end of a letter or a trip.
   */
  GOODBYE,
  /**
   * Girls or women spoken of as a kind that can do nothing ({@code con gái chơi game chỉ biết}, {@code đàn bà con
   * gái}, {@code bọn con gái}): with {@link #KITCHEN_SENT}, {@code harassment.girls_kitchen} K (thirty-seventh
   * round). Alone, a lesson that names the prejudice.
   */
  WOMEN_SCORNED,
  /**
   * Sent back to the kitchen ({@code về nấu cơm đi}, {@code vào bếp đi}, {@code về rửa bát đi cho lành}): only with
   * {@link #WOMEN_SCORNED} (thirty-seventh round). Alone, a mother asking her daughter to help at home.
   */
  KITCHEN_SENT,
  /**
   * The writer's own or the family's code, number or address given in the first person that only the owner uses
   * ({@code của mẹ tớ là}, {@code của tao là}; never {@code em}, {@code con} or {@code cháu}, which an adult uses
   * for the child he asks): a child giving away the family's data, personal information, not a secret kept with an
   * adult. It cancels {@code grooming.gift_secret} ("tớ lấy nạp game mà mẹ không biết"); a secret asked for
   * ({@code VALUE_ASKED}) is {@code grooming.gift_secret_asked}, which it does not cancel (thirty-seventh round).
   */
  OWN_DATA_GIVEN(true),
  /**
   * A man invited to take a child in as her "foster" brother or father, or the child fetched home to live with him
   * ({@code làm anh nuôi cho các bé gái}, {@code đón bé về ở chung}): with a child named and a fee or a go-between in
   * the message, {@code grooming.foster_fee} and {@code grooming.foster_broker} C (thirty-seventh round). Alone,
   * grandparents taking a grandchild home; {@code nhận con nuôi} and {@code đón về nuôi} are not read.
   */
  FOSTER_OFFER,
  /**
   * A course of treatment as a doctor or a carer gives it ({@code uống đủ 5 ngày rồi dừng}, {@code bôi kem ngày hai
   * lần}, {@code uống sau ăn}, {@code tái khám}): a register (thirty-seventh round). It lowers no word; it takes
   * away a {@code self_harm} classifier finding that nothing backs and that no concept of the self-harm
   * compositions other than the medicine itself ({@link #MEANS}) supports (a death, a farewell, a wish to die, a
   * lethal dose, a method asked keep it).
   */
  TREATMENT(true),
  /**
   * A "gift" promised to someone's door ({@code ship quà tới tận cửa}, {@code gửi quà đến tận nhà nó}): with her
   * address asked for ({@link #DOXX}) and her post or her singing scorned ({@link #LOOKS_MOCK}) in one message,
   * {@code harassment.doxx_doorstep} T13 (thirty-eighth round). Alone, a shop's delivery or a birthday present.
   */
  DOORSTEP_GIFT,
  /**
   * A taste for children said by euphemism, as a community's audience ({@code người thích măng non}, {@code ae mê
   * hàng nhí}, {@code hội khoái loli}): with a closed group or a link given on request ({@link #CLOSED_GROUP}) in the
   * message, {@code sexual_minors.young_taste_group} C (thirty-eighth round). Alone it is nothing: young bamboo shoots
   * are food.
   */
  YOUNG_TASTE,
  /**
   * A closed group entered on request or a link sent by message ({@code vào nhóm kín}, {@code nhắn để nhận link},
   * {@code không tiếp người lạ}): composed only with {@link #YOUNG_TASTE} (thirty-eighth round).
   */
  CLOSED_GROUP,
  /**
   * A person "eaten" by the look of them ({@code nhìn là muốn ăn}, {@code nhìn đã thèm xơi}): with a child named and the
   * age of consent waved away ({@link #CONSENT_CLAIM}, {@code chả cần đợi đủ 18}) in the sentence,
   * {@code sexual_minors.appetite_minor_age} C (thirty-eighth round). Alone it is said of food.
   */
  BODY_APPETITE,
  /**
   * A self-injury set as a dare's task: a photo or a clip of a fresh cut to send as proof ({@code gửi ảnh vết cắt
   * trên tay}, {@code nộp hình vết rạch mới}), choking oneself for a count of seconds or until one faints ({@code tự
   * bóp cổ mình 30 giây}, {@code tự siết cổ đến khi ngất}) or being required to ({@code phải tự bóp cổ}). With a dare
   * ({@link #CHALLENGE}, which the choking phrases carry themselves) in the message, {@code
   * self_harm.challenge_dared_injury} T18 (thirty-eighth round). It composes with nothing else: a parent sending a
   * doctor the photo of a kitchen cut, a child telling her mother of the dare.
   */
  DARED_INJURY,
  /**
   * A younger pupil singled out to be "taught a lesson", a beating named by euphemism ({@code chọn một đứa lớp dưới
   * để dạy dỗ}, {@code trừng trị mấy đứa khóa dưới}, {@code đứa lớp 6 ra dằn mặt}): alone {@code
   * violence.younger_punished} T13 (thirty-ninth round), unless news, awareness, literature or a child's report.
   * Older pupils tutoring the younger ones ({@code dạy dỗ, giúp đỡ các em lớp dưới}) name no victim picked.
   */
  PUNISH_YOUNGER,
  /**
   * Goods to be carried or handed over on the writer's behalf ({@code đi giao hộ tao}, {@code giao giùm chị}, {@code
   * giao giúp anh}): with a price per packet ({@link #PACKET_PRICE}) and pay offered to whoever needs money ({@link
   * #PRIZE}) or said per packet ({@link #HIGH_PAY}) in one message, {@code drugs.packet_run_recruit_msg} or {@code
   * drugs.packet_run_pay_msg} C (thirty-ninth round). Alone, an errand for a parent or a shop.
   */
  RUN_FOR_ME,
  /**
   * A price of 100 thousand đồng or more per small packet or bag ({@code mỗi gói 200k}, {@code 1 bịch 150k}): with
   * {@link #RUN_FOR_ME} a drug run (thirty-ninth round). Alone, a shop's price.
   */
  PACKET_PRICE,
  /**
   * A group calling a pupil by a name, the pupil named next ({@code cả lớp gọi thằng …}, {@code tụi nó toàn gọi con
   * …}): with a trait mocked in the message ({@link #LOOKS_MOCK}), {@code harassment.nickname_mock} K (thirty-ninth
   * round). Alone, a nickname, often a kind one.
   */
  GROUP_NICKNAME,
  /**
   * A game's forfeit or its proof owed to the game's master, said with a word the news register also reads
   * ({@code ai thua thì bị phạt}, {@code báo cáo quản trò}): the dare's own rule, not a report of a fine or a
   * news report. With a self-injury ({@link #SELF_INJURY}) {@code self_harm.forfeit_injury}, with a dared
   * choking ({@link #DARED_INJURY}) {@code self_harm.forfeit_dared_injury}, both T18 and not cancelled by
   * {@code NEWS_POLICE} (thirty-ninth round); awareness, a parent's concern or a child's report cancel them.
   */
  DARE_FORFEIT,
  /**
   * Register: a parent or grandparent caring for a young child's body ({@code mẹ tắm cho bé}, {@code bố thay tã cho
   * con}, {@code mẹ cởi bớt cúc áo ra cho thoáng}): bathing, dressing, changing or cooling a child is care, not an
   * approach. It composes with nothing; it only quiets a grooming, sexual-minors or sexual classifier score short of
   * near certainty that nothing of the lexicon backs ({@code Quieting.CHILD_CARE}, thirty-ninth round).
   */
  CHILD_CARE(true),
  /**
   * The child saying she did the cutting she was made or dared to do ({@code rồi con cắt thật}, {@code em rạch tay
   * thật}, {@code con cứa mấy đường}): with a child's report of the dare ({@link #CHILD_REPORT}) {@code
   * self_harm.dared_and_done} K (thirty-ninth round). The report alone stays P (a child telling a parent she is
   * pressured); the child who did it is warned with help. Alone it composes with nothing ("con cắt thật cẩn thận").
   */
  DID_AS_DARED,
  /**
   * A child hailed as a little one ({@code bé ơi}, {@code cháu ơi}, {@code bé ngoan}, {@code cháu yêu}). Lovers say
   * {@code bé ơi} too, so alone it names no child; with {@link #ELDER_SELF} in the message (the writer names himself
   * {@code chú} or {@code bác} to the one he hails) it is an adult speaking to a child: with an undressing
   * ({@link #UNDRESS}) {@code sexual_minors.elder_undress}, with a bath or a change and a picture
   * ({@link #INTIMATE_SCENE}, {@link #MEDIA} or {@link #SHOW_ON_CAMERA}) {@code sexual_minors.elder_scene_media} and
   * {@code sexual_minors.elder_scene_show}, C (fortieth round).
   */
  CHILD_HAILED,
  /**
   * The writer naming himself an elder ({@code chú}, {@code bác}, {@code dượng}) as the one who is to see, receive or
   * pay ({@code cho chú xem}, {@code gửi chú}, {@code chú chuyển}, {@code bác nạp thẻ}, {@code chú không nói với ai}).
   * Composes only with {@link #CHILD_HAILED} (fortieth round); a doctor ({@code bác sĩ}) or a lesson given
   * ({@code chú dạy bơi}) is not in the phrases.
   */
  ELDER_SELF,
  /**
   * Register: leaving a named place or group for an ordinary reason ({@code ngày cuối cùng ở công ty}, {@code ngày
   * làm việc cuối cùng}, {@code chuyển trường}, {@code chuyển nhà}, {@code đi du học}): a farewell at a job, a school,
   * a club or a home. It takes away a self-harm score that nothing the lexicon reads backs ("Hôm nay là ngày cuối
   * cùng của tôi ở công ty, cảm ơn mọi người vì tất cả"); a farewell's thanks and things given away do not keep it, a
   * death, a disappearance, a means or a plan does (forty-first round). It lowers no word.
   */
  LEAVING_PLACE(true),
  /**
   * Register: fighting named with the rule against it or its consequence ({@code đánh nhau thì bị kỷ luật}, {@code
   * học sinh ẩu đả sẽ bị đình chỉ học}, {@code không được đánh nhau}, {@code đánh lộn là sai}): a parent's or a
   * teacher's warning, a school's rule. It keeps bare violence words of its sentence at P, and takes away a violence
   * classifier finding at any score where no violence finding of the lexicon or a composition is above P and no
   * weapon, threat, fight arranged or injury is named (forty-fifth round).
   */
  FIGHT_RULE(true),
  /**
   * The child's own parent or relative who is there, as the one who picks up, takes along or sits in ({@code bố đón
   * con}, {@code mẹ đưa em đi thi}, {@code có bố mẹ đi cùng}, {@code phụ huynh ngồi cùng}): a meeting it makes is no
   * sign of grooming ({@code ScoreStage}), unless {@link #PARENT_SENT}, a secret or a probe of the parents' absence
   * is there too (forty-fifth round).
   */
  PARENT_PRESENT,
  /**
   * Another adult who claims a parent sent him ({@code bố em nhờ chú đón em}, {@code mẹ cháu bảo cô ra đón}, {@code
   * đón em thay bố mẹ}, {@code anh là bạn của bố em}): the classic lure, which keeps a meeting a sign of grooming
   * beside {@link #PARENT_PRESENT} (forty-fifth round).
   */
  PARENT_SENT,
  /**
   * Work offered in another country ({@code tuyển lao động sang Campuchia}, {@code qua Myanmar làm chăm sóc khách
   * hàng}, {@code đi làm ở nước ngoài}): with {@link #NO_QUESTIONS}, the labour-trafficking lure, scam C
   * (forty-sixth round).
   */
  JOB_ABROAD,
  /**
   * A recruiter who asks nothing that a lawful employer must ask: under-age taken ({@code 16 tuổi trở lên nhận hết},
   * {@code học sinh cũng nhận}), the family kept out ({@code không cần báo gia đình}, {@code khỏi nói với ba mẹ}),
   * no papers ({@code không cần hộ chiếu}); beside {@link #JOB_ABROAD} or {@link #HIGH_PAY} (forty-sixth round).
   */
  NO_QUESTIONS,
  /**
   * An adult's "check" of a child's body ({@code kiểm tra cơ thể}, {@code khám toàn thân}, {@code coi con lớn tới
   * đâu rồi}, {@code kiểm tra từng đứa một}): with {@link #UNDRESS}, {@link #SECRECY}, {@link #BATH_CHANGE} or
   * {@link #PRIVATE_ROOM}, sexual content with a child (forty-seventh round).
   */
  BODY_CHECK,
  /** Paid or member-only access ({@code private cho member}, {@code join membership}, {@code trả phí để xem}, {@code
   * ib lấy giá}, {@code bản uncut}): with a child and revealing clothes or bathing, sexual content with a child
   * (forty-seventh round). */
  PAID_ACCESS,
  /** Revealing clothes or a try-on ({@code váy ngắn}, {@code đồ ngủ}, {@code bikini}, {@code ảnh càng hở}, {@code
   * try-on}): with a child and an adult's wanting or paid access (forty-seventh round). */
  CLOTHES_REVEAL,
  /** An adult's wanting said of a child ({@code anh đã muốn rồi}, {@code ông ấy thích bé nhỏ}, {@code chẳng thể ngồi
   * yên}) (forty-seventh round). */
  ADULT_WANT,
  /** The child taken aside: into the inner room, the store or the boat, to sleep at the adult's place, onto his lap
   * (forty-seventh round). */
  PRIVATE_ROOM,
  /** Bathing, a bathroom or a changing room ({@code tắm}, {@code phòng thay đồ}): with {@link #SPY_CAMERA} or a sale
   * and a child, covert pictures of a child (forty-seventh round). */
  BATH_CHANGE,
  /** Spreading a story about someone ({@code đồn}, {@code tung tin}, {@code bịa chuyện}, {@code page thú tội giả}):
   * with a sexual reputation claimed ({@link #SEX_CLAIM}), a sexual rumour, harassment (forty-ninth round). */
  RUMOUR_SPREAD,
  /** A sexual reputation claimed of a person ({@code ngủ với thầy}, {@code bán thân}, {@code đi khách}, {@code lên
   * giường với}): with {@link #RUMOUR_SPREAD}, a sexual rumour (forty-ninth round). Alone, gossip or a news story. */
  SEX_CLAIM,
  /** Bodies rated or ranked ({@code chấm điểm vòng một}, {@code xếp hạng mông}, {@code bảng xếp hạng ngực}): alone,
   * sexual harassment of the people rated (forty-ninth round). */
  RATE_BODY,
  /**
   * A known person's new number or account ({@code mẹ đổi số mới}, {@code cô đổi zalo mới}, {@code đừng gọi số cũ},
   * {@code chú mất điện thoại nên nhắn số này}), or money sent to a third person's account for them ({@code vào tài
   * khoản của em gái cô}): with a transfer, the shape of an impersonation scam; alone, a parent's real new number.
   */
  NEW_CONTACT,
  /**
   * A child taken alone to an adult's place, an outing or a night ({@code chở con về nhà thầy}, {@code dẫn riêng bé
   * đi cắm trại}, {@code cho bé ngủ lại chòi với mình}, {@code vô nhà tui chơi một mình}, {@code thử đồ riêng với
   * chú}): with the guardians kept out ({@link #SECRECY}), grooming (fiftieth round). Alone, an errand or a visit.
   */
  TAKEN_ALONE,
  /**
   * An open call's answer: whoever wants or feels something is told to join a group or to write to the writer
   * ({@code thì vào nhóm}, {@code thì inbox mình}, {@code thì ib tao}). With a self-harm score and a sign of
   * self-harm or a fast named, the score is recruiting others, not telling of oneself (fifty-second round). Alone,
   * every club, class and shop.
   */
  OPEN_CALL,
  /**
   * A swindle called what it is, in the writer's own words ({@code là giả}, {@code fake 100%}, {@code trò lừa},
   * {@code scam mới}, {@code đừng chuyển nhé}, {@code xóa liền}): outside the quotation marks that hold the swindle's
   * words, a warning (the decision's step {@code QuotedWarning}, fifty-second round). It composes with nothing.
   */
  SCAM_DISMISSED,
  /**
   * The writer excepting herself from the warning she gives ({@code nhưng anh thì khác}, {@code anh đâu phải người
   * lạ}, {@code trừ chú ra}, {@code tin nhắn này là chính thức}): a groomer or a swindler quoting the lesson to get
   * past it. In its message the registers of warning, lesson and report cancel nothing ({@code
   * Composer.VOIDED_BY_EXCEPTION}, fifty-second round).
   */
  SELF_EXCEPTED,
  /**
   * A present for the parents that the children perform or make, or a relative buys ({@code tiết mục là món quà bất
   * ngờ cho cha mẹ}, {@code mua cái điện thoại mới tặng mẹ}): a secret kept about it is a surprise for them, not a
   * groomer's gift to the child, so it cancels {@code grooming.gift_secret} (fifty-third round). A gift to the child
   * kept from the parents, also one said to be "a surprise for the parents" ({@code chú tặng bé một con làm quà bất ngờ
   * cho bố mẹ}, development chats round 28), is not one of its phrases and stays. It composes with nothing.
   */
  GIFT_FOR_PARENTS,
  /**
   * The opening of a rule about someone else's act ({@code ai}, {@code nếu có ai}, {@code bất kỳ ai}, {@code người lạ
   * nào}): with {@link #REFUSAL_ADVICE} after it in the same sentence, the act between the two is what a stranger
   * might do, described to be refused, not done (fifty-third round, {@code MatchState.voidFramed}). It composes with
   * nothing.
   */
  ANYONE_WHO,
  /**
   * The answer a rule prescribes ({@code thì đừng trả lời}, {@code thì bấm report ngay}, {@code thì báo ngay cho bố
   * mẹ}, {@code là người xấu}): closes a frame opened by {@link #ANYONE_WHO}. A report to the writer himself ({@code
   * thì báo anh}) is not one of its phrases. It composes with nothing.
   */
  REFUSAL_ADVICE,
  /**
   * A request denied in the warning's own words ({@code không bao giờ yêu cầu}, {@code không bao giờ gọi điện},
   * {@code tuyệt đối không hỏi}): the acts named after it in the same clause are what the sender never asks
   * (fifty-third round, {@code MatchState.voidNegated}). The next clause is read as ever: "ngân hàng không bao giờ
   * hỏi mã OTP, nhưng … vui lòng cung cấp mã OTP" keeps its request. It composes with nothing.
   */
  NEVER_ASKS,
  /**
   * Where a sender's own request begins after one denied ({@code nên}, {@code nhưng}, {@code hãy}, {@code vui
   * lòng}, {@code chỉ cần}): it ends what {@link #NEVER_ASKS} denies ("Shopee không bao giờ hỏi mật khẩu nên bạn
   * cứ cung cấp mã OTP" keeps its request). It composes with nothing.
   */
  REQUEST_TURN,
  /**
   * A donation asked ({@code quyên góp cứu trợ}, {@code nhận công đức online}, {@code ủng hộ bà con vùng lũ},
   * {@code mỗi suất 200k}): with {@link #PERSONAL_ACCOUNT} in one message it is {@code scam.donation_personal_msg}, a
   * charity collected on a private account (fifty-fifth round). Alone it composes with nothing: a school's or a
   * pagoda's appeal through its own account is no scam.
   */
  DONATION,
  /**
   * A private account named for a payment ({@code tài khoản cá nhân}, {@code stk riêng của người phụ trách}) or the
   * official channel skipped ({@code không cần qua Mặt trận}): composes with {@link #DONATION} only (fifty-fifth
   * round).
   */
  PERSONAL_ACCOUNT,
  /**
   * A vote asked for the writer's own contest entry ({@code vote giúp e}, {@code bình chọn cho mình}): with {@link
   * #CREDENTIALS} in one message it is {@code scam.vote_credentials_msg}, a login taken through a "vote" link
   * (fifty-sixth round). Alone it composes with nothing: a class asking votes for its poster is no scam.
   */
  VOTE_ASKED,
  /**
   * A pyramid's promise: pay by the people one brings in ({@code rủ thêm 3 người là hoàn vốn}, {@code thành nhà
   * phân phối}, {@code hoa hồng từ tuyến dưới}). With {@link #FEE} in one message it is {@code
   * scam.pyramid_fee_msg}, a fee to join a scheme that pays by recruits (fifty-seventh round). Alone it composes with
   * nothing: a shop's referral discount is no scam.
   */
  PYRAMID,
  /**
   * A turn to another matter ({@code nhân đây}, {@code tiện thể}, {@code btw}, {@code nma thôi kệ}): the warnings
   * and frames of the sentences before it do not reach the sentences from its own on (fifty-seventh round: a
   * police report, then "Nhân đây, bạn nào cần việc làm thêm … đóng trước 490 nghìn phí kích hoạt"). A register
   * word, read by {@link vn.lanhmanh.compose.Composer} only.
   */
  PIVOT,
  /**
   * A pet claimed found by a stranger ({@code mình nhặt được bé chó trong ảnh bạn đăng}): with {@link #FEE} in one
   * message it is {@code scam.found_pet_fee}, the pet "returned" once a fee is sent first (sixtieth round). Alone
   * it composes with nothing: a neighbour who found a lost dog is no scam.
   */
  FOUND_PET,
  /**
   * A fortune teller's ritual against bad luck ({@code giải hạn}, {@code bùa hộ mệnh}, {@code trả nghiệp}): with
   * {@link #MONEY_TRANSFER} or {@link #FEE} in one message it is {@code scam.ritual_transfer} or {@code
   * scam.ritual_fee}, money sent to an account for a ritual (sixtieth round). Alone it composes with nothing: a
   * pagoda's ceremony named is no scam.
   */
  RITUAL,
  /**
   * Photos or a call of a group ({@code ảnh chụp chung}, {@code ảnh lớp}, {@code gọi video cả nhà}): in the
   * sentence or the message, a picture asked for beside a secret ({@code grooming.show_secret}) is a group's photo
   * for a surprise, and a call beside one ({@code grooming.private_secret}) the family's, not the child shown or
   * met alone (sixtieth round).
   */
  GROUP_PHOTO;

  private final String id = name();
  private final boolean register;

  Concept() {
    this(false);
  }

  Concept(boolean register) {
    this.register = register;
  }

  /** The stable id (the constant's name), as written in the data files. */
  public String id() {
    return id;
  }

  /** A register concept: it sets the kind of text, it is not a harm. */
  public boolean isRegister() {
    return register;
  }

  /**
   * Parses a concept id (case-insensitive).
   *
   * @throws IllegalArgumentException naming the value when it is not a concept
   */
  public static Concept parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown concept '" + s + "'");
    }
  }

  static {
    if (values().length > ConceptSet.CAPACITY) {
      throw new AssertionError("at most " + ConceptSet.CAPACITY + " concepts");
    }
  }
}
