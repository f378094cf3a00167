/**
 * Passwords people choose most often (the leaked-password top lists, Chinese ones included: pinyin,
 * 520/1314, keyboard walks), and words of this product and county. Compared ignoring case, separators
 * and trailing digits/symbols (see passwordProblem), so "Password2024!" and "Admin@123456" count too.
 * Short entries still matter: they are the stems long variants are built from.
 */
export const COMMON_PASSWORDS: readonly string[] = [
  // the global top lists
  'password', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'pa$$word', 'password1', 'passwd', 'pass', 'pwd',
  'admin', 'administrator', 'root', 'toor', 'user', 'guest', 'test', 'tester', 'testing', 'demo', 'default',
  'letmein', 'welcome', 'welcome1', 'iloveyou', 'monkey', 'dragon', 'master', 'shadow', 'sunshine', 'princess',
  'football', 'baseball', 'superman', 'batman', 'trustno1', 'whatever', 'freedom', 'starwars', 'michael',
  'jennifer', 'charlie', 'secret', 'changeme', 'changeit', 'login', 'access', 'hello', 'hellokitty',
  'abc', 'abcd', 'abcde', 'abcdef', 'abcdefg', 'abcdefgh', 'abcdefghijkl', 'abcd1234', 'abc123', 'a1b2c3',
  'a1b2c3d4e5f6', 'aa123456', 'a123456', 'a12345678', 'qq123456', 'zz123456', 'asd123', 'aaa111',
  // digits
  '123', '1234', '12345', '123456', '1234567', '12345678', '123456789', '1234567890', '12345678910',
  '123123', '123123123', '123321', '1234554321', '654321', '987654321', '0987654321', '111111', '000000',
  '888888', '666666', '121212', '112233', '147258', '147258369', '159357', '159753', '789456', '789456123',
  '5201314', '520520', '1314520', '131452', '147852369', '123654', '123qwe', '123abc', '1q2w3e',
  // keyboard walks
  'qwerty', 'qwertyui', 'qwertyuiop', 'qwerty123', 'qwer1234', 'qwerasdf', 'qwerasdfzxcv', 'asdf', 'asdfgh',
  'asdfghjkl', 'asdf1234', 'zxcvbnm', 'zxcvbn', 'zxcv1234', 'qazwsx', 'qazwsxedc', 'qazwsxedcrfv',
  '1qaz2wsx', '1qaz2wsx3edc', '1qaz2wsx3edc4rfv', '1qaz@wsx', '1qaz@wsx3edc', '1qaz!qaz', 'zaq12wsx', 'zaq12wsxcde3', 'zaq1xsw2',
  '1q2w3e4r', '1q2w3e4r5t', '1q2w3e4r5t6y', 'q1w2e3r4', 'q1w2e3r4t5y6', '!qaz2wsx', 'qweasdzxc',
  'qweasd', 'qweqweqwe', 'asdasdasd', 'zxczxczxc', 'poiuytrewq', 'mnbvcxz', 'qwertyuiopasdfghjkl',
  // Chinese favourites (pinyin, love numbers, places)
  'woaini', 'woaini1314', 'woaini520', 'woaiwojia', 'iloveyou1314', 'nihao', 'nihao123', 'wangyang',
  'zhangwei', 'wangwei', 'liwei', 'zhongguo', 'china', 'beijing', 'shanghai', 'ningxia', 'yinchuan',
  'wuzhong', 'aini1314', 'xiaoming', 'laopo520', 'laogong', 'baobei', 'tiantian', 'kuaile', 'xingfu',
  // government and this product
  'zhengfu', 'zhengwu', 'gongkai', 'zhengwugongkai', 'xinxigongkai', 'baomi', 'bangongshi', 'juzhang',
  'touming', 'touming-demo', 'toumingdemo', 'yanchi', 'yanchixian', 'gov', 'government', 'county', 'office',
  'system', 'server', 'database', 'mysql', 'oracle', 'manager', 'operator', 'security', 'report', 'reports',
];
