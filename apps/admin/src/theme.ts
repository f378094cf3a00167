import { defaultTheme, type RaThemeOptions } from 'react-admin';

const FONT = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif';

/** a calm government look: a deep red bar, neutral surfaces, Chinese system fonts */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    primary: { main: '#1a4f8b' },
    secondary: { main: '#a31515' },
    error: { main: '#c62828' },
    // MUI's default info (#0288d1) and warning (#ed6c02) fail WCAG AA as chip backgrounds under
    // white text (3.85:1) and as text on white or on the warning alert's cream (3.11:1, 2.92:1);
    // these darker tones keep the hue and reach 4.5:1 in each of those uses
    info: { main: '#0b5c8e' },
    warning: { main: '#a84b00' },
    success: { main: '#2e7d32' },
    background: { default: '#f4f5f7' },
  },
  typography: { fontFamily: FONT },
  components: {
    ...defaultTheme.components,
    RaAppBar: { styleOverrides: { root: { '& .RaAppBar-toolbar': { backgroundColor: '#a31515' } } } },
    // react-admin translates the page buttons' names but leaves MUI's English name of the list's pager
    MuiPagination: { defaultProps: { 'aria-label': '分页导航' } },
    // a progress indicator needs a name (axe: aria-progressbar-name); every one of ours means loading
    MuiCircularProgress: { defaultProps: { 'aria-label': '正在加载' } },
    MuiLinearProgress: { defaultProps: { 'aria-label': '正在加载' } },
  },
};
