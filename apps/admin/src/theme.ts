import { defaultTheme, type RaThemeOptions } from 'react-admin';

const FONT = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif';

/** a calm government look: a deep red bar, neutral surfaces, Chinese system fonts */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    primary: { main: '#1a4f8b' },
    secondary: { main: '#a31515' },
    error: { main: '#c62828' },
    background: { default: '#f4f5f7' },
  },
  typography: { fontFamily: FONT },
  components: {
    ...defaultTheme.components,
    RaAppBar: { styleOverrides: { root: { '& .RaAppBar-toolbar': { backgroundColor: '#a31515' } } } },
    // react-admin translates the page buttons' names but leaves MUI's English name of the list's pager
    MuiPagination: { defaultProps: { 'aria-label': '分页导航' } },
  },
};
