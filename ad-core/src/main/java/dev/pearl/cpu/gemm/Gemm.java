package dev.pearl.cpu.gemm;
import dev.pearl.cpu.ThreadPool;
/** Placeholder reference multiply until the blocked kernel lands. */
public final class Gemm {
  public static boolean vectorized() { return false; }
  public static void sgemm(boolean ta, boolean tb, int m, int n, int k, float[] a, int ao, float[] b, int bo, float[] c, int co, ThreadPool p) {
    for (int i=0;i<m;i++) for (int j=0;j<n;j++){ double s=0; for(int l=0;l<k;l++){ s+= (double)(ta? a[ao+l*m+i]:a[ao+i*k+l]) * (tb? b[bo+j*k+l]: b[bo+l*n+j]);} c[co+i*n+j]=(float)s;}
  }
  public static void dgemm(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, double[] b, int bo, double[] c, int co, ThreadPool p) {
    for (int i=0;i<m;i++) for (int j=0;j<n;j++){ double s=0; for(int l=0;l<k;l++){ s+= (ta? a[ao+l*m+i]:a[ao+i*k+l]) * (tb? b[bo+j*k+l]: b[bo+l*n+j]);} c[co+i*n+j]=s;}
  }
}
